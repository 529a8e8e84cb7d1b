/**
 * The credit-code input of the enterprise form, checked live with the server's own rule
 * (`checkUscc` from the domain): every problem is shown under the field in the server's words
 * (wrong length, characters outside the charset, "第18位校验码应为 X", region, organisation code),
 * and a valid code is broken into its parts. `UsccSegments` draws those parts (also used by the
 * checker page).
 */
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Flex, Form, Input, Space, Tooltip, Typography } from 'antd';
import { parseRegionCode } from '../../../shared/region-code';
import { USCC_RAW_INPUT_MAX } from '../../../shared/limits';
import { useI18n } from '../../lib/i18n';
import { usccFeedback } from './enterprise-format';

const segments = [
  { from: 0, to: 1, zh: '登记管理部门', en: 'Department', color: '#1677ff' },
  { from: 1, to: 2, zh: '机构类别', en: 'Category', color: '#13c2c2' },
  { from: 2, to: 8, zh: '登记机关行政区划', en: 'Region', color: '#52c41a' },
  { from: 8, to: 17, zh: '主体标识码（组织机构代码）', en: 'Organisation code', color: '#fa8c16' },
  { from: 17, to: 18, zh: '校验码', en: 'Check', color: '#eb2f96' },
] as const;

/** The code split into its GB 32100 parts, each in its colour with a caption. */
export function UsccSegments({ code, testId }: { code: string; testId?: string }) {
  const { t } = useI18n();
  const region = code.length >= 8 ? parseRegionCode(code.slice(2, 8), { allowNational: true }) : null;
  return (
    <Flex wrap gap={4} data-testid={testId}>
      {segments.map((s) => {
        const part = code.slice(s.from, s.to);
        if (part === '') return null;
        const caption = s.from === 2 && region?.provinceName ? `${t(s.zh, s.en)} · ${region.provinceName}` : t(s.zh, s.en);
        return (
          <Tooltip key={s.from} title={`${t('第', 'Pos. ')}${s.from + 1}${s.to - s.from > 1 ? `–${s.to}` : ''}${t('位', '')}`}>
            <Flex vertical align="center" style={{ border: `1px solid ${s.color}`, borderRadius: 4, padding: '0 6px' }}>
              <Typography.Text style={{ fontFamily: 'monospace', fontSize: 16, letterSpacing: 2, color: s.color }}>{part}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {caption}
              </Typography.Text>
            </Flex>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

function CreditCodeHint() {
  const { t } = useI18n();
  const value = Form.useWatch<string | undefined>('creditCode');
  const feedback = usccFeedback(value ?? '');
  if (feedback.status === 'valid') {
    return (
      <Space orientation="vertical" size={4} style={{ marginTop: 4 }} data-testid="credit-code-valid">
        <Typography.Text type="success">
          <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('校验通过（GB 32100-2015）', 'Valid (GB 32100-2015)')}
        </Typography.Text>
        <UsccSegments code={feedback.code} />
      </Space>
    );
  }
  if (feedback.status === 'empty') return <>{t('18 位；可粘贴带空格、小写或全角的代码，会自动规范化', '18 characters; spaces, lower case and full-width are normalised')}</>;
  return <>{t(`已输入 ${feedback.code.length}/18 位`, `${feedback.code.length}/18 characters`)}</>;
}

/** `<Form.Item name="creditCode">` with the live check; put it inside the enterprise form. */
export function CreditCodeFormItem({ disabled }: { disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="creditCode"
      label={t('统一社会信用代码', 'Unified social credit code')}
      required
      validateTrigger={['onChange', 'onBlur']}
      extra={<CreditCodeHint />}
      rules={[
        {
          validator: async (_, value: string | undefined) => {
            const feedback = usccFeedback(value ?? '');
            if (feedback.status === 'empty') throw new Error(t('请填写统一社会信用代码', 'Enter the credit code'));
            if (feedback.status !== 'valid') throw new Error(feedback.problems.join('；'));
          },
        },
      ]}
    >
      <Input maxLength={USCC_RAW_INPUT_MAX} disabled={disabled} autoComplete="off" style={{ fontFamily: 'monospace', letterSpacing: 1 }} data-testid="enterprise-form-credit-code" />
    </Form.Item>
  );
}
