/**
 * The value of one item as a form control that adapts to the indicator type: a number (counts,
 * rates, base-and-slope, rank basis), done / partly / not done (task), ticks (checklist), counts per
 * level or in total (bonus, deduction), triggered or not (veto). The value is an `ActualDraft`;
 * `draftToActual` turns it into what the API expects.
 *
 *   <Form.Item name="actual"><ActualInput definition={def} testId="report-actual" /></Form.Item>
 */
import { Checkbox, Flex, Input, InputNumber, Radio, Switch, Typography } from 'antd';
import type { IndicatorDefinition } from '../../../domains/targets/indicator-schema';
import { useI18n } from '../../lib/i18n';
import { numberHint, type ActualDraft } from './actual-draft';

export type ActualInputProps = { definition: IndicatorDefinition; value?: ActualDraft; onChange?: (value: ActualDraft) => void; disabled?: boolean; testId: string };

export function ActualInput({ definition: def, value, onChange, disabled, testId }: ActualInputProps) {
  const { t } = useI18n();
  const draft = value ?? {};
  const set = (patch: ActualDraft) => onChange?.({ ...draft, ...patch });

  switch (def.type) {
    case 'count_range':
    case 'count_target':
    case 'rate_threshold':
    case 'base_slope':
    case 'rank':
      return (
        <Flex vertical gap={2}>
          <Input
            value={draft.number ?? ''}
            onChange={(e) => set({ number: e.target.value })}
            inputMode="decimal"
            suffix={def.unitOfMeasure}
            disabled={disabled}
            style={{ maxWidth: 240 }}
            data-testid={testId}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {numberHint(def)}
          </Typography.Text>
        </Flex>
      );
    case 'task':
      return (
        <Radio.Group
          value={draft.task}
          onChange={(e) => set({ task: e.target.value })}
          disabled={disabled}
          data-testid={testId}
          options={[
            { value: 'done', label: t('已完成', 'Done') },
            { value: 'partial', label: t('部分完成', 'Partly done') },
            { value: 'not_done', label: t('未完成', 'Not done') },
          ]}
        />
      );
    case 'checklist':
      return (
        <Checkbox.Group
          value={draft.done ?? []}
          onChange={(v) => set({ done: v as string[] })}
          disabled={disabled}
          data-testid={testId}
          options={def.items.map((item) => ({ value: item.code, label: item.name }))}
        />
      );
    case 'bonus':
    case 'deduction':
      if (def.levels) {
        return (
          <Flex wrap gap={12} data-testid={testId}>
            {def.levels.map((level) => (
              <Flex key={level.code} align="center" gap={4}>
                <span>{level.name}</span>
                <InputNumber
                  min={0}
                  precision={0}
                  value={draft.byLevel?.[level.code] ?? null}
                  onChange={(n) => set({ byLevel: { ...(draft.byLevel ?? {}), [level.code]: n } })}
                  disabled={disabled}
                  style={{ width: 90 }}
                />
                <span>{def.unitOfMeasure}</span>
              </Flex>
            ))}
          </Flex>
        );
      }
      return (
        <InputNumber
          min={0}
          precision={0}
          value={draft.count ?? null}
          onChange={(n) => set({ count: n })}
          suffix={def.unitOfMeasure}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'veto':
      return (
        <Flex align="center" gap={8}>
          <Switch checked={Boolean(draft.triggered)} onChange={(v) => set({ triggered: v })} disabled={disabled} data-testid={testId} />
          <span>{draft.triggered ? t('已发生：', 'Occurred: ') : t('未发生：', 'Not occurred: ')}{def.condition}</span>
        </Flex>
      );
  }
}
