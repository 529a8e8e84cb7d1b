/**
 * 计划设置: the plan's rules as one form — reporting frequency, deadline rule and reminders; 序时进度
 * (linear by months or days, or a monthly curve) with the light thresholds; grade bands; tie-break
 * order; bonus/deduction caps; publicity days. A draft is edited freely; a published plan only with
 * a reason, each save becoming an entry of the change log (the latest are shown here). Only the
 * sections that changed are sent; field errors of a 400 go on the fields.
 */
import { App, Alert, Button, Divider, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PlanChange, PlanConfig, PlanView } from '../../../../domains/targets/plan-api-schema';
import { apiErrorText, apiIssues } from '../../../components/ui/form-error';
import { formatTimestamp } from '../../../components/ui/history-timeline';
import { api, ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { usePlanChanges, useTargetsWrite } from '../api';
import { configPatch, configSectionLabels, fromConfig, gradesSummary, issuesOnFields, regeneratesPeriods, reportingSummary, toConfig, type SettingsFormValues } from '../plan-settings-form';
import { CapsAndPublicityFields, GradeFields, PaceFields, RankingFields, ReportingFields } from './plan-settings-fields';

export function PlanSettings({ plan, manage }: { plan: PlanView; manage: boolean }) {
  // A new version (own save or someone else's) starts the form again from the stored settings.
  return <SettingsForm key={plan.version} plan={plan} manage={manage} />;
}

function SettingsForm({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const initial = useMemo(() => fromConfig(plan.config), [plan.config]);
  const [pending, setPending] = useState<Partial<PlanConfig>>({});
  const logged = plan.editMode === 'logged';
  const save = useTargetsWrite((body: { config: Partial<PlanConfig>; reason?: string }) => api.patch<PlanView>(`/targets/plans/${plan.id}`, { version: plan.version, ...body }));

  const recompute = () => {
    try {
      setPending(configPatch(plan.config, toConfig(form.getFieldsValue(true) as SettingsFormValues)));
    } catch {
      setPending({});
    }
  };

  const submit = async (values: SettingsFormValues) => {
    const patch = configPatch(plan.config, toConfig(values));
    if (Object.keys(patch).length === 0) {
      message.info(t('设置没有变化', 'Nothing changed'));
      return;
    }
    try {
      await save.mutateAsync({ config: patch, ...(logged && values.reason ? { reason: values.reason.trim() } : {}) });
      message.success(logged ? t('设置已保存，并记入变更记录', 'Saved and logged') : t('设置已保存', 'Settings saved'));
    } catch (error) {
      showSettingsError(error);
    }
  };

  const showSettingsError = (error: unknown) => {
    const registered = form.getFieldsError().map((f) => f.name);
    const issues = apiIssues(error);
    if (issues.length > 0) {
      const { fields, unmatched } = issuesOnFields(issues, registered);
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      message.error(unmatched.length > 0 ? unmatched.map((i) => `${i.path}：${i.message}`).join('；') : t('请检查标红的字段', 'Please check the highlighted fields'));
      return;
    }
    if (error instanceof ApiError && error.code === 'targets.change_reason_required') {
      form.setFields([{ name: ['reason'], errors: [error.message] }]);
      return;
    }
    if (error instanceof ApiError && error.code === 'targets.reporting_in_use') {
      form.setFields([{ name: ['reporting', 'deadlineKind'], errors: [error.message] }]);
      message.error(error.message);
      return;
    }
    message.error(apiErrorText(error, t));
  };

  const changed = Object.keys(pending) as Array<keyof PlanConfig>;
  return (
    <div data-testid="plan-settings">
      <SettingsIntro plan={plan} manage={manage} />
      <Form<SettingsFormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={recompute} disabled={!manage} data-testid="settings-form">
        <Divider titlePlacement="start">{t('报送周期与提醒', 'Reporting')}</Divider>
        <Typography.Paragraph type="secondary" data-testid="settings-reporting-summary">
          {t('当前：', 'Now: ')}
          {label(reportingSummary(plan.config.reporting))}
        </Typography.Paragraph>
        <ReportingFields />
        {pending.reporting && regeneratesPeriods(plan.config, pending) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('更改报送周期或截止规则后，将按新规则重新生成全年报送期，逐期调整过的截止日会被覆盖；已有单位报送时不能更改。', 'The periods are regenerated from the new rule (moved deadlines are lost); not allowed once units have reported.')}
          />
        )}
        <Divider titlePlacement="start">{t('序时进度', 'Pace')}</Divider>
        <PaceFields />
        <Divider titlePlacement="start">{t('等次划分', 'Grades')}</Divider>
        <Typography.Paragraph type="secondary">
          {t('当前：', 'Now: ')}
          <span data-testid="settings-grades-summary">{gradesSummary(plan.config.grades)}</span>
        </Typography.Paragraph>
        <GradeFields />
        <Divider titlePlacement="start">{t('组内排名', 'Ranking within peer groups')}</Divider>
        <RankingFields />
        <Divider titlePlacement="start">{t('加减分上限与公示', 'Caps and publicity')}</Divider>
        <CapsAndPublicityFields />
        {manage && (
          <>
            {logged && (
              <Form.Item name="reason" label={t('变更原因（记入变更记录）', 'Reason (logged)')} rules={[{ required: true, min: 2, max: 500, message: t('计划已发布，须填写变更原因（至少 2 个字）', 'A reason is required') }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="settings-reason" />
              </Form.Item>
            )}
            <Flex gap={8} align="center" wrap>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
                {t('保存设置', 'Save settings')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setPending({});
                }}
              >
                {t('还原', 'Reset')}
              </Button>
              {changed.length > 0 ? (
                <Typography.Text type="warning" data-testid="settings-pending">
                  {t('未保存的修改：', 'Unsaved: ')}
                  {changed.map((k) => label(configSectionLabels[k])).join('、')}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('没有未保存的修改', 'No unsaved changes')}</Typography.Text>
              )}
            </Flex>
          </>
        )}
      </Form>
      {plan.status !== 'draft' && <SettingsChanges planId={plan.id} />}
    </div>
  );
}

function SettingsIntro({ plan, manage }: { plan: PlanView; manage: boolean }) {
  const { t } = useI18n();
  if (!manage) {
    return <Alert type="info" showIcon style={{ marginBottom: 8 }} title={plan.status === 'closed' ? t('计划已关闭，设置只读', 'The plan is closed: read-only') : t('以下为本计划的考核规则（只读）', 'The rules of this plan (read-only)')} />;
  }
  if (plan.editMode === 'logged') {
    // The page already says that every change needs a reason; say what a settings change affects.
    return <Typography.Paragraph type="secondary">{t('修改后的设置用于此后的进度判断、计分和排名；保存时须填写变更原因。', 'New settings apply to later pace, scores and ranking; a reason is required.')}</Typography.Paragraph>;
  }
  return <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('草稿计划：设置可直接修改；发布后的修改须填写原因并记入变更记录', 'Draft: edit freely; after publishing every change is logged with a reason')} />;
}

/** The latest settings changes of a published plan (from the change log). */
function SettingsChanges({ planId }: { planId: string }) {
  const { t } = useI18n();
  const query = usePlanChanges(planId, 1, true);
  const changes = (query.data?.items ?? []).filter((c: PlanChange) => c.entityType === 'plan').slice(0, 5);
  return (
    <>
      <Divider titlePlacement="start">{t('设置的变更记录', 'Settings change log')}</Divider>
      <List<PlanChange>
        size="small"
        loading={query.isFetching && !query.data}
        dataSource={changes}
        locale={{ emptyText: t('发布后还没有修改过设置', 'No settings changes since publishing') }}
        data-testid="settings-changes"
        renderItem={(c) => (
          <List.Item data-testid="settings-change">
            <Flex gap={8} wrap align="baseline">
              <Tag color="purple">{t(`第 ${c.revision} 次变更`, `Change #${c.revision}`)}</Tag>
              <Typography.Text>{c.summary}</Typography.Text>
              <Typography.Text type="secondary">
                {t('原因：', 'Reason: ')}
                {c.reason}
              </Typography.Text>
              <Typography.Text type="secondary">
                {c.actorName} · {formatTimestamp(c.at)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </>
  );
}
