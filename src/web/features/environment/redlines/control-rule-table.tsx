/**
 * The control rules as a table: project types × control tiers → outcome (tooltip: the rule text;
 * a dot marks cells that follow the tier default). Managers click a cell to edit it. Rules for one
 * zone type only, tier defaults and the fallback are listed below.
 */
import { Alert, Card, Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ControlRuleSetView } from '../../../../domains/environment/redline-schema';
import { useI18n } from '../../../lib/i18n';
import { sitingOutcomeColors, sitingOutcomeLabels } from '../env-labels';
import { ControlRuleModal, type RuleEditTarget } from './control-rule-modal';
import { buildRuleMatrix, zoneTypeRules, type RuleCell } from './rule-matrix';

export function OutcomeTag({ outcome, testId }: { outcome: RuleCell['outcome']; testId?: string }) {
  const { label } = useI18n();
  return (
    <Tag color={sitingOutcomeColors[outcome]} data-testid={testId}>
      {label(sitingOutcomeLabels[outcome])}
    </Tag>
  );
}

export function ControlRuleTable({ view, canManage }: { view: ControlRuleSetView; canManage: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<RuleEditTarget | null>(null);
  const matrix = useMemo(() => buildRuleMatrix(view), [view]);
  const special = zoneTypeRules(view);
  type Row = (typeof matrix)[number];

  const cell = (c: RuleCell | undefined, zoneType: string | null = null) =>
    c ? (
      <Tooltip title={c.text}>
        <span
          role={canManage ? 'button' : undefined}
          style={{ cursor: canManage ? 'pointer' : 'default' }}
          onClick={canManage ? () => setEditing({ ...c, zoneType }) : undefined}
          data-testid="rule-cell"
          data-tier={c.tier}
          data-project-type={c.projectType}
        >
          <OutcomeTag outcome={c.outcome} />
          {c.source !== 'rule' && c.source !== 'zone_type_rule' && <Typography.Text type="secondary">·{t('默认', 'default')}</Typography.Text>}
        </span>
      </Tooltip>
    ) : null;

  return (
    <Card size="small" title={t('管控规则（管控级别 × 项目类型）', 'Control rules (tier × project type)')} data-testid="control-rules">
      {view.source === 'default' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={view.note ?? t('出厂默认配置，非法律条文', 'Shipped default configuration, not law')} />
      )}
      <Table<Row>
        size="small"
        rowKey="projectType"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={matrix}
        columns={[
          { key: 'type', title: t('项目类型', 'Project type'), render: (_, r) => r.projectTypeLabel, fixed: 'left' },
          ...view.tiers.map((tier) => ({ key: tier, title: tier, render: (_: unknown, r: Row) => cell(r.cells[tier]) })),
        ]}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1} items={view.tiers.map((tier) => ({ key: tier, label: tier, children: r.cells[tier]?.text ?? '—' }))} />
          ),
        }}
      />
      {special.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('按区类型的规则', 'Rules for one zone type')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r) => r.id ?? `${r.tier}-${r.projectType}-${r.zoneType}`}
            pagination={false}
            dataSource={special}
            columns={[
              { key: 'tier', title: t('管控级别', 'Tier'), dataIndex: 'tier' },
              { key: 'zoneType', title: t('区类型', 'Zone type'), dataIndex: 'zoneType' },
              { key: 'type', title: t('项目类型', 'Project type'), render: (_, r) => view.projectTypes.find((p) => p.code === r.projectType)?.label ?? r.projectType },
              {
                key: 'outcome',
                title: t('结论', 'Outcome'),
                render: (_, r) =>
                  cell(
                    { tier: r.tier, projectType: r.projectType, projectTypeLabel: view.projectTypes.find((p) => p.code === r.projectType)?.label ?? r.projectType, outcome: r.outcome, text: r.text, source: 'zone_type_rule', rule: r },
                    r.zoneType,
                  ),
              },
              { key: 'text', title: t('条文', 'Text'), dataIndex: 'text' },
            ]}
          />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('管控级别默认规则', 'Tier defaults')}
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          ...view.tierDefaults.map((d) => ({ key: d.tier, label: d.tier, children: <><OutcomeTag outcome={d.outcome} /> {d.text}</> })),
          { key: 'fallback', label: t('未配置级别（兜底）', 'Unconfigured tier (fallback)'), children: <><OutcomeTag outcome={view.fallback.outcome} /> {view.fallback.text}</> },
        ]}
      />
      <ControlRuleModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
