/**
 * Small building blocks shared by the target-assessment pages: pace light, grade tag, plan status
 * tags, the navigation between a plan's pages, and the "not found / no access" result.
 */
import { Badge, Button, Result, Segmented, Space, Spin, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { PaceView } from '../../../domains/targets/progress-schema';
import type { PlanSummary } from '../../../domains/targets/plan-api-schema';
import { apiErrorText } from '../../components/ui/form-error';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { gradeColor, paceColors, paceLabels, planStatusColors, planStatusLabels, stageColors, stageLabels } from './targets-format';

export function PaceLight({ pace, showExpected = false, testId }: { pace: PaceView; showExpected?: boolean; testId?: string }) {
  const { t, label } = useI18n();
  if (!pace.status) return <span data-testid={testId} data-pace="none">{t('不计进度', 'n/a')}</span>;
  const title = `${label(paceLabels[pace.status])}${pace.expected !== null ? `（${t('序时应达', 'expected')} ${pace.expected}）` : ''}`;
  return (
    <Tooltip title={title}>
      <span data-testid={testId} data-pace={pace.status}>
        <Badge color={paceColors[pace.status]} text={showExpected && pace.expected !== null ? `${t('应达', 'exp.')} ${pace.expected}` : label(paceLabels[pace.status])} />
      </span>
    </Tooltip>
  );
}

/** Green / yellow / red counts as three coloured badges. */
export function PaceCounts({ green, yellow, red }: { green: number; yellow: number; red: number }) {
  const { t } = useI18n();
  return (
    <Space size={8}>
      <Tooltip title={t('达到序时进度', 'On pace')}>
        <Badge color={paceColors.green} text={green} />
      </Tooltip>
      <Tooltip title={t('略慢', 'Slightly behind')}>
        <Badge color={paceColors.yellow} text={yellow} />
      </Tooltip>
      <Tooltip title={t('滞后', 'Behind')}>
        <Badge color={paceColors.red} text={red} />
      </Tooltip>
    </Space>
  );
}

export function GradeTag({ grade, vetoed, testId }: { grade: string; vetoed?: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={gradeColor(grade)} data-testid={testId} style={{ fontWeight: 600 }}>
        {grade}
      </Tag>
      {vetoed && <Tag color="red">{t('一票否决', 'Vetoed')}</Tag>}
    </Space>
  );
}

export function PlanTags({ plan }: { plan: Pick<PlanSummary, 'status' | 'stage' | 'year' | 'planVersion' | 'revision'> }) {
  const { t, label } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={planStatusColors[plan.status]} data-testid="plan-status">
        {label(planStatusLabels[plan.status])}
      </Tag>
      {plan.status !== 'draft' && (
        <Tag color={stageColors[plan.stage]} data-testid="plan-stage">
          {label(stageLabels[plan.stage])}
        </Tag>
      )}
      <Tag>{t(`${plan.year}年度 · 第${plan.planVersion}版`, `${plan.year} · v${plan.planVersion}`)}</Tag>
      {plan.revision > 0 && <Tag color="purple">{t(`发布后变更 ${plan.revision} 次`, `${plan.revision} changes since publishing`)}</Tag>}
    </Space>
  );
}

export type PlanSection = 'editor' | 'progress' | 'assessment' | 'ranking';

/** Switches between the pages of one plan. */
export function PlanNav({ planId, current }: { planId: string; current: PlanSection }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const paths: Record<PlanSection, string> = {
    editor: `/targets/plans/${planId}`,
    progress: `/targets/plans/${planId}/progress`,
    assessment: `/targets/plans/${planId}/assessment`,
    ranking: `/targets/plans/${planId}/ranking`,
  };
  return (
    <Segmented<PlanSection>
      value={current}
      onChange={(v) => navigate(paths[v])}
      options={[
        { value: 'editor', label: t('计划与指标', 'Plan') },
        { value: 'progress', label: t('督察推进', 'Progress') },
        { value: 'assessment', label: t('年终考核', 'Assessment') },
        { value: 'ranking', label: t('考核排名', 'Ranking') },
      ]}
      data-testid="plan-nav"
    />
  );
}

/** Loading spinner, or the not-found / forbidden / error result of a failed load. */
export function LoadState({ loading, error, back, backLabel, notFoundTitle }: { loading: boolean; error: unknown; back?: () => void; backLabel?: ReactNode; notFoundTitle?: string }) {
  const { t } = useI18n();
  if (loading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const status = error instanceof ApiError ? error.status : 500;
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
      title={status === 404 ? (notFoundTitle ?? t('不存在或您无权查看', 'Not found or not yours to see')) : status === 403 ? t('无权查看', 'Forbidden') : t('加载失败', 'Failed to load')}
      subTitle={error ? apiErrorText(error, t) : undefined}
      extra={back ? <Button onClick={back}>{backLabel ?? t('返回', 'Back')}</Button> : undefined}
      data-testid="targets-load-error"
    />
  );
}
