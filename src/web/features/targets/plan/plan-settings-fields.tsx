/**
 * The sections of the plan settings form (names follow `SettingsFormValues`): reporting frequency,
 * deadline rule and reminder days; the pace basis or monthly curve with the light thresholds; grade
 * bands; ranking tie-break order; bonus/deduction caps; and the publicity window.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { tieBreakKeys, reportingFrequencies } from '../../../../domains/targets/plan-schema';
import { useI18n } from '../../../lib/i18n';
import { deadlineKindLabels, deadlineValueRange, frequencyLabels, linearCurve, paceModeLabels, reminderDaysProblem, tieRankingLabels, vetoTotalLabels, type SettingsFormValues } from '../plan-settings-form';
import { tieBreakLabels } from '../targets-format';
import { decimalRules } from './indicator-type-fields';

const OPTIONAL_DECIMAL = /^\s*(\d{1,12}(\.\d{1,4})?)?\s*$/;

const deadlineValueLabels: Record<keyof typeof deadlineValueRange, { zh: string; en: string }> = {
  day_of_next_month: { zh: '次月第几日', en: 'Day of month' },
  days_after_end: { zh: '天数', en: 'Days' },
  working_days_after_end: { zh: '工作日数', en: 'Working days' },
};

/** Errors of a whole list (set from the API's issue on the list), shown under it. */
function ListErrors({ errors, testId }: { errors: ReactNode[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" data-testid={testId} style={{ marginBottom: 8 }}>
      {errors.map((e, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
          {e}
        </Typography.Text>
      ))}
    </div>
  );
}

export function ReportingFields() {
  const { t, label } = useI18n();
  const form = Form.useFormInstance<SettingsFormValues>();
  const kind = Form.useWatch(['reporting', 'deadlineKind'], form) ?? 'day_of_next_month';
  const range = deadlineValueRange[kind];
  return (
    <Row gutter={12}>
      <Col xs={24} md={6}>
        <Form.Item name={['reporting', 'frequency']} label={t('报送周期', 'Frequency')}>
          <Radio.Group optionType="button" options={reportingFrequencies.map((f) => ({ value: f, label: label(frequencyLabels[f]) }))} data-testid="settings-frequency" />
        </Form.Item>
      </Col>
      <Col xs={14} md={6}>
        <Form.Item name={['reporting', 'deadlineKind']} label={t('报送截止规则', 'Deadline rule')}>
          <Select
            data-testid="settings-deadline-kind"
            options={(Object.keys(deadlineKindLabels) as Array<keyof typeof deadlineKindLabels>).map((k) => ({ value: k, label: label(deadlineKindLabels[k]) }))}
            onChange={(next: keyof typeof deadlineValueRange) => {
              const value = Number(form.getFieldValue(['reporting', 'deadlineValue']));
              const { min, max } = deadlineValueRange[next];
              form.setFieldValue(['reporting', 'deadlineValue'], Math.min(max, Math.max(min, value)));
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={10} md={4}>
        <Form.Item name={['reporting', 'deadlineValue']} label={label(deadlineValueLabels[kind])} rules={[{ required: true, message: t('请填写', 'Required') }]} extra={`${range.min}–${range.max}`}>
          <InputNumber min={range.min} max={range.max} precision={0} style={{ width: '100%' }} data-testid="settings-deadline-value" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['reporting', 'reminderDaysBefore']}
          label={t('截止前几天提醒（天）', 'Remind N days before')}
          extra={t('可填多个，如 3、1；不填则不提醒', 'Several allowed, e.g. 3 and 1; empty = none')}
          rules={[{ validator: async (_, value: string[] | undefined) => { const problem = reminderDaysProblem(value ?? []); if (problem) throw new Error(label(problem)); } }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} placeholder={t('输入天数后回车', 'Type days, press Enter')} data-testid="settings-reminders" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function PaceFields() {
  const { t, label } = useI18n();
  const form = Form.useFormInstance<SettingsFormValues>();
  const mode = Form.useWatch(['pace', 'mode'], form);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['pace', 'mode']} label={t('序时进度（应完成 = 目标 × 已过比例）', 'Expected = target × elapsed share')}>
            <Radio.Group orientation="vertical" options={(['months', 'days', 'curve'] as const).map((m) => ({ value: m, label: label(paceModeLabels[m]) }))} data-testid="settings-pace-mode" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['pace', 'greenAtPercent']} label={t('绿灯：达到应完成的', 'Green at')} rules={decimalRules(t('请填写百分比', 'Enter a percent'))}>
            <Input inputMode="decimal" suffix="%" data-testid="settings-green" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['pace', 'yellowAtPercent']} label={t('黄灯：达到应完成的', 'Yellow at')} rules={decimalRules(t('请填写百分比', 'Enter a percent'))} extra={t('低于黄灯线为红灯', 'Below is red')}>
            <Input inputMode="decimal" suffix="%" data-testid="settings-yellow" />
          </Form.Item>
        </Col>
      </Row>
      {mode === 'curve' && (
        <Form.List name={['pace', 'curve']}>
          {(fields, _ops, { errors }) => (
            <>
              <Flex align="baseline" gap={8}>
                <Typography.Text type="secondary">{t('各月末累计应完成全年目标的百分比（逐月不减，12 月为 100）', 'Cumulative percent due by each month end (non-decreasing, December = 100)')}</Typography.Text>
                <Button type="link" size="small" onClick={() => form.setFieldValue(['pace', 'curve'], linearCurve())}>{t('按月均匀填充', 'Fill evenly')}</Button>
              </Flex>
              <Row gutter={8}>
                {fields.map((field, i) => (
                  <Col key={field.key} xs={8} md={4} lg={2}>
                    <Form.Item name={field.name} label={t(`${i + 1}月`, `M${i + 1}`)} rules={decimalRules(t('必填', 'Required'))}>
                      <Input inputMode="decimal" data-testid="settings-curve" />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <ListErrors errors={errors} testId="settings-curve-error" />
            </>
          )}
        </Form.List>
      )}
    </>
  );
}

export function GradeFields() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} md={14}>
        <Form.List name={['grades', 'bands']}>
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="settings-bands">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('总分不低于下限即评为该等次，从高到低依次判断', 'A total at or above the floor gets the grade, checked from the top')}</Typography.Paragraph>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'grade']} rules={[{ required: true, max: 20, message: t('请填写等次', 'Grade') }]} style={{ width: 120 }}>
                    <Input prefix={t('等次', 'Grade')} data-testid="settings-band-grade" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'min']} rules={decimalRules(t('请填写分数下限', 'Floor'))} style={{ width: 180 }}>
                    <Input prefix="≥" suffix={t('分', 'pts')} inputMode="decimal" data-testid="settings-band-min" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('删除', 'Remove')} />}
                </Flex>
              ))}
              <ListErrors errors={errors} testId="settings-bands-error" />
              {fields.length < 10 && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ grade: '', min: '' })} style={{ marginBottom: 12 }}>
                  {t('增加等次', 'Add a grade')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={['grades', 'lowestGrade']} label={t('低于最低下限', 'Below every floor')} rules={[{ required: true, max: 20 }]}>
          <Input data-testid="settings-lowest-grade" />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={['grades', 'vetoGrade']} label={t('一票否决时', 'When vetoed')} rules={[{ required: true, max: 20 }]}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function RankingFields() {
  const { t, label } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} md={14}>
        <Form.Item
          name={['ranking', 'tieBreak']}
          label={t('排序依据（按选择的先后依次比较）', 'Order by (compared in the order chosen)')}
          extra={t('一票否决的单位始终排在本组最后', 'Vetoed units always rank last in their group')}
          rules={[{ required: true, type: 'array', min: 1, message: t('至少选择一项', 'Choose at least one') }]}
        >
          <Select mode="multiple" options={tieBreakKeys.map((k) => ({ value: k, label: label(tieBreakLabels[k]) }))} data-testid="settings-tie-break" />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name={['ranking', 'tieRanking']} label={t('仍并列时的名次', 'Ranks of ties')}>
          <Radio.Group orientation="vertical" options={(['competition', 'dense'] as const).map((k) => ({ value: k, label: label(tieRankingLabels[k]) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function CapsAndPublicityFields() {
  const { t, label } = useI18n();
  const capRules = [{ pattern: OPTIONAL_DECIMAL, message: t('须为数字（最多 4 位小数），空为不封顶', 'A number, empty = uncapped') }];
  return (
    <Row gutter={12}>
      <Col xs={12} md={4}>
        <Form.Item name={['caps', 'bonusCap']} label={t('加分上限', 'Bonus cap')} rules={capRules} extra={t('空为不封顶', 'Empty = none')}>
          <Input inputMode="decimal" suffix={t('分', 'pts')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['caps', 'deductionCap']} label={t('扣分上限', 'Deduction cap')} rules={capRules} extra={t('空为不封顶', 'Empty = none')}>
          <Input inputMode="decimal" suffix={t('分', 'pts')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item name={['caps', 'vetoTotal']} label={t('一票否决单位的总分', 'Total of a vetoed unit')}>
          <Select options={(['keep', 'zero'] as const).map((k) => ({ value: k, label: label(vetoTotalLabels[k]) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={['caps', 'floorTotalAtZero']} label={t('总分最低计 0', 'Floor total at 0')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name="publicityDays" label={t('公示期（天，含首日）', 'Publicity (days)')} rules={[{ required: true, message: t('请填写公示天数', 'Required') }]} extra={t('1–60 天', '1–60 days')}>
          <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} data-testid="settings-publicity-days" />
        </Form.Item>
      </Col>
    </Row>
  );
}
