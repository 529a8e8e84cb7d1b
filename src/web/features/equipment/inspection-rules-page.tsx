/**
 * 检验周期规则 /safety/equipment/rules: the settings in force (临期 window, re-inspection and
 * rectification days), every inspection-period rule with what it applies to, its period, validity
 * and confidence (periods marked [?]/[D] in domain.md say "周期为配置值，未经核实"), and the
 * administrator versions. Users with safety.configure_rules add and delete versions.
 */
import { ControlOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { ErrorAlert } from '../../components/ui/error-alert';
import { apiErrorText } from '../../components/ui/form-error';
import { formatTimestamp } from '../../components/ui/history-timeline';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { useCatalogue, useDeleteRuleOverride, useInspectionRules, type RuleView } from './api';
import { describeApplicability, describeRuleParams } from './equipment-format';
import { RuleOverrideModal, type RuleTarget } from './rule-override-modal';

export default function InspectionRulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const canConfigure = can('safety.configure_rules');
  const rules = useInspectionRules();
  const catalogue = useCatalogue();
  const remove = useDeleteRuleOverride();
  const [target, setTarget] = useState<RuleTarget | null>(null);
  const [category, setCategory] = useState<string | undefined>();
  const [unverifiedOnly, setUnverifiedOnly] = useState(false);
  const nameOf = useMemo(() => {
    const names = new Map((catalogue.data?.entries ?? []).map((e) => [e.code, e.name]));
    return (code: string) => names.get(code) ?? code;
  }, [catalogue.data]);
  const data = rules.data;
  const shown = (data?.rules ?? []).filter((r) => (!category || r.appliesTo.category === category) && (!unverifiedOnly || r.isUnverified));
  const categories = [...new Set((data?.rules ?? []).map((r) => String(r.appliesTo.category)))];
  const ruleName = (id: string) => (id === 'settings' ? t('临期与期限设置', 'Settings') : (data?.rules.find((r) => r.id === id)?.nameZh ?? id));
  const ruleKind = (id: string) => (id === 'settings' ? 'settings' : (data?.rules.find((r) => r.id === id)?.kind ?? ''));

  const deleteOverride = async (id: string) => {
    try {
      await remove.mutateAsync(id);
      message.success(t('已删除该版本，正在后台重新计算到期日', 'Deleted; due dates are being recomputed'));
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };

  return (
    <>
      <PageHeader
        title={
          <>
            <ControlOutlined /> {t('检验周期规则', 'Inspection-period rules')}
          </>
        }
        subtitle={data ? t(`规则集 ${data.ruleSetId}，版本 ${data.version}；每项周期均为带生效日期的配置`, `Rule set ${data.ruleSetId}, version ${data.version}`) : undefined}
        breadcrumb={[
          { key: 'list', title: t('特种设备', 'Special equipment'), onClick: () => navigate('/safety/equipment') },
          { key: 'rules', title: t('检验周期规则', 'Rules') },
        ]}
      />
      <ErrorAlert error={rules.error} />
      {data && (
        <Card
          size="small"
          title={t('临期与期限设置（当前生效）', 'Settings in force')}
          style={{ marginBottom: 12 }}
          extra={
            canConfigure && (
              <Button size="small" onClick={() => setTarget({ ruleId: 'settings', kind: 'settings', name: t('临期与期限设置', 'Settings'), params: data.settings })} data-testid="rules-edit-settings">
                {t('修改', 'Change')}
              </Button>
            )
          }
          data-testid="rules-settings"
        >
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'warning', label: t('临期窗口', 'Due-soon window'), children: t(`到期前 ${data.settings.warningDays} 天`, `${data.settings.warningDays} days`) },
              { key: 'reinspection', label: t('不合格复检期限', 'Re-inspection'), children: t(`${data.settings.reinspectionDays} 天（0 为立即）`, `${data.settings.reinspectionDays} days`) },
              { key: 'rectification', label: t('基本合格整改期限', 'Rectification'), children: t(`${data.settings.basicPassRectificationDays} 天`, `${data.settings.basicPassRectificationDays} days`) },
            ]}
          />
          <Typography.Text type="secondary">{t('以上为设计建议值（可配置）', 'Design proposals (configurable)')}</Typography.Text>
        </Card>
      )}
      <Card size="small" style={{ marginBottom: 12 }} title={t('规则', 'Rules')}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Select allowClear placeholder={t('设备种类', 'Category')} value={category} onChange={setCategory} options={categories.map((c) => ({ value: c, label: nameOf(c) }))} style={{ minWidth: 160 }} />
          <Checkbox checked={unverifiedOnly} onChange={(e) => setUnverifiedOnly(e.target.checked)}>
            {t('只看未经核实的周期', 'Unverified only')}
          </Checkbox>
        </Flex>
        <Table<RuleView>
          rowKey={(r) => `${r.id}|${r.validFrom}`}
          size="small"
          loading={rules.isLoading}
          dataSource={shown}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="rules-table"
          columns={[
            { key: 'name', title: t('规则', 'Rule'), render: (_: unknown, r) => <div><div>{r.nameZh}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.id}</Typography.Text></div> },
            { key: 'applies', title: t('适用', 'Applies to'), render: (_: unknown, r) => describeApplicability(r.appliesTo, nameOf) },
            { key: 'track', dataIndex: 'trackLabel', title: t('检验项目', 'Track') },
            { key: 'period', title: t('周期', 'Period'), render: (_: unknown, r) => describeRuleParams(r.kind, r.params) },
            { key: 'valid', title: t('有效期', 'Valid'), render: (_: unknown, r) => `${r.validFrom} ～ ${r.validTo ?? t('至今', 'open')}` },
            {
              key: 'confidence',
              title: t('依据', 'Basis'),
              render: (_: unknown, r) => (
                <Tooltip title={r.source}>
                  <Tag color={r.isUnverified ? 'orange' : r.confidence === 'P' ? 'green' : 'blue'}>{r.confidenceLabel}</Tag>
                  {r.overrideId && <Tag color="purple">{t('管理员配置', 'Configured')}</Tag>}
                </Tooltip>
              ),
            },
            { key: 'note', dataIndex: 'note', title: t('说明', 'Note'), render: (v: string | null) => (v ? <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 240 }}>{v}</Typography.Text> : '—') },
            ...(canConfigure
              ? [
                  {
                    key: 'actions',
                    title: t('操作', 'Actions'),
                    render: (_: unknown, r: RuleView) =>
                      r.kind === 'no_use' ? null : (
                        <Button size="small" icon={<PlusOutlined />} onClick={() => setTarget({ ruleId: r.id, kind: r.kind, name: r.nameZh, params: r.params })}>
                          {t('新增版本', 'New version')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('管理员配置的版本', 'Configured versions')} data-testid="rules-overrides">
        <Table
          rowKey="id"
          size="small"
          dataSource={data?.overrides ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('尚无配置，全部按随系统发布的规则', 'None: the shipped rules apply') }}
          columns={[
            { key: 'rule', title: t('规则', 'Rule'), render: (_: unknown, o) => ruleName(o.ruleId) },
            { key: 'from', dataIndex: 'validFrom', title: t('生效日期', 'Valid from') },
            { key: 'params', title: t('参数', 'Parameters'), render: (_: unknown, o) => describeRuleParams(ruleKind(o.ruleId), o.params) },
            { key: 'reason', dataIndex: 'reason', title: t('原因', 'Reason') },
            { key: 'source', dataIndex: 'source', title: t('来源', 'Source'), render: (v: string | null) => v ?? '—' },
            { key: 'createdAt', dataIndex: 'createdAt', title: t('配置时间', 'Created'), render: (v: string) => formatTimestamp(v) },
            ...(canConfigure
              ? [{ key: 'delete', title: t('操作', 'Actions'), render: (_: unknown, o: { id: string }) => <ConfirmAction danger label={t('删除', 'Delete')} title={t('删除该版本？到期日将按删除后的规则重新计算', 'Delete this version?')} onConfirm={() => deleteOverride(o.id)} buttonProps={{ size: 'small' }} /> }]
              : []),
          ]}
        />
      </Card>
      <RuleOverrideModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
