/**
 * 信用代码校验 /enterprises/uscc-check: checks a Unified Social Credit Code with the platform's
 * calculator (`POST /api/v1/calc/uscc`, the rule the registry and the import use): valid or not,
 * the check character (and what it should be), the organisation-code check, the code's parts and
 * every problem in words. Accepts codes with spaces, lower case or full-width characters.
 */
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { normaliseUscc } from '../../../domains/enterprises/uscc-rules';
import { USCC_RAW_INPUT_MAX } from '../../../shared/limits';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useUsccCheck } from './api';
import { UsccSegments } from './credit-code-field';

function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return ok ? (
    <Typography.Text type="success">
      <CheckCircleFilled /> {yes}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">
      <CloseCircleFilled /> {no}
    </Typography.Text>
  );
}

export default function UsccCheckPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState('');
  const check = useUsccCheck();
  const run = () => {
    if (text.trim() === '') return;
    setChecked(normaliseUscc(text));
    check.mutate(text);
  };
  const r = check.data;

  return (
    <>
      <PageHeader
        breadcrumb={[
          { key: 'list', title: t('企业信息', 'Enterprises'), onClick: () => navigate('/enterprises') },
          { key: 'check', title: t('信用代码校验', 'Credit-code check') },
        ]}
        title={
          <>
            <SafetyCertificateOutlined /> {t('统一社会信用代码校验', 'Unified social credit code check')}
          </>
        }
        subtitle={t('按 GB 32100-2015 检查长度、字符、第18位校验码、组织机构代码校验位、登记管理部门与类别、行政区划', 'Per GB 32100-2015: length, characters, check character, organisation-code check, department and category, region')}
      />
      <Card style={{ maxWidth: 880, marginBottom: 16 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            size="large"
            value={text}
            maxLength={USCC_RAW_INPUT_MAX}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={run}
            placeholder={t('输入或粘贴 18 位统一社会信用代码', 'Type or paste an 18-character code')}
            style={{ fontFamily: 'monospace', letterSpacing: 1 }}
            allowClear
            data-testid="uscc-input"
          />
          <Button size="large" type="primary" onClick={run} loading={check.isPending} disabled={text.trim() === ''} data-testid="uscc-check">
            {t('校验', 'Check')}
          </Button>
        </Space.Compact>
      </Card>
      <div style={{ maxWidth: 880 }}>
        <ErrorAlert error={check.error} />
        {r && (
          <Card data-testid="uscc-result" data-valid={String(r.valid)}>
            <Flex vertical gap={16}>
              <Alert
                type={r.valid ? 'success' : 'error'}
                showIcon
                title={
                  <span data-testid="uscc-verdict">
                    {r.valid ? t('有效的统一社会信用代码', 'A valid credit code') : t(`代码有误（${r.problems.length} 处问题）`, `Invalid (${r.problems.length} problems)`)}
                  </span>
                }
                description={<Typography.Text copyable style={{ fontFamily: 'monospace' }}>{checked}</Typography.Text>}
              />
              {checked.length >= 2 && <UsccSegments code={checked} />}
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, sm: 2 }}
                items={[
                  {
                    key: 'checksum',
                    label: t('第18位校验码', 'Check character'),
                    children: (
                      <Check
                        ok={r.checksumOk}
                        yes={t('正确', 'Correct')}
                        no={r.expectedCheckChar ? t(`错误，应为「${r.expectedCheckChar}」`, `Wrong, should be ${r.expectedCheckChar}`) : t('无法计算', 'Cannot compute')}
                      />
                    ),
                  },
                  { key: 'org', label: t('组织机构代码校验位', 'Organisation-code check'), children: <Check ok={r.orgCodeCheckOk} yes={t('正确', 'Correct')} no={t('错误或无法计算', 'Wrong or cannot compute')} /> },
                  { key: 'dept', label: t('登记管理部门码（第1位）', 'Department (1)'), children: r.parsed.registrationDeptCode ?? '—' },
                  { key: 'category', label: t('机构类别码（第2位）', 'Category (2)'), children: r.parsed.categoryCode ?? '—' },
                  { key: 'region', label: t('登记机关行政区划码（第3–8位）', 'Region (3–8)'), children: r.parsed.regionCode ?? '—' },
                  { key: 'orgCode', label: t('主体标识码（第9–17位）', 'Organisation code (9–17)'), children: r.parsed.orgCode ?? '—' },
                ]}
              />
              {r.problems.length > 0 && (
                <List
                  size="small"
                  header={<Typography.Text strong>{t('发现的问题', 'Problems')}</Typography.Text>}
                  bordered
                  dataSource={r.problems}
                  renderItem={(p) => (
                    <List.Item data-testid="uscc-problem">
                      <Space>
                        <Tag color="red">{p.code.replace('uscc.', '')}</Tag>
                        {p.message}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Flex>
          </Card>
        )}
      </div>
    </>
  );
}
