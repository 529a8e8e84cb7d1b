/**
 * The part of the indicator form that depends on the type (domain.md §4.3): range 确保/力争 and the
 * shortfall/bonus of counts, the threshold and slope of rates, base-and-slope, the partial share of
 * a task, checklist items, rank scoring, per-occurrence points and levels of bonus/deduction items,
 * and the condition of a veto. Field names follow `IndicatorFormValues`.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Radio, Row, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { IndicatorType } from '../../../../domains/targets/indicator-schema';
import { useI18n } from '../../../lib/i18n';

const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/;
const SIGNED = /^-?\d{1,12}(\.\d{1,4})?$/;

/** A required non-negative decimal (at most 4 decimals), as the API's decimal strings. */
export function decimalRules(message: string, signed = false): Rule[] {
  return [{ required: true, message }, { pattern: signed ? SIGNED : DECIMAL, message: '须为数字（最多 4 位小数）' }];
}

function Num({ name, label, hint, signed, testId, suffix }: { name: string; label: string; hint?: string; signed?: boolean; testId?: string; suffix?: string }) {
  return (
    <Form.Item name={name} label={label} extra={hint} rules={decimalRules(`请填写${label}`, signed)}>
      <Input inputMode="decimal" suffix={suffix} data-testid={testId ?? `indicator-${name}`} />
    </Form.Item>
  );
}

function Direction() {
  const { t } = useI18n();
  return (
    <Form.Item name="direction" label={t('方向', 'Direction')}>
      <Radio.Group options={[{ value: 'higher_is_better', label: t('越高越好', 'Higher is better') }, { value: 'lower_is_better', label: t('越低越好', 'Lower is better') }]} />
    </Form.Item>
  );
}

function CountScoring() {
  const { t } = useI18n();
  const shortfall = Form.useWatch('countShortfall');
  const bonus = Form.useWatch('bonusEnabled');
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="countShortfall" label={t('未达确保值时', 'Below the floor')}>
            <Radio.Group options={[{ value: 'proportional', label: t('按完成率计分 W·a/L', 'Proportional W·a/L') }, { value: 'per_unit', label: t('每少一个扣分', 'Points off per unit short') }]} />
          </Form.Item>
        </Col>
        {shortfall === 'per_unit' && (
          <Col xs={12} md={6}>
            <Num name="pointsPerUnit" label={t('每少一个扣', 'Points per unit')} suffix="分" />
          </Col>
        )}
      </Row>
      <Row gutter={12} align="middle">
        <Col xs={24} md={8}>
          <Form.Item name="bonusEnabled" label={t('超出力争值加分', 'Bonus above the aim')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {bonus && (
          <>
            <Col xs={12} md={8}>
              <Num name="bonusPointsPerUnit" label={t('每超出一个加', 'Points per unit above')} suffix="分" />
            </Col>
            <Col xs={12} md={8}>
              <Num name="bonusCap" label={t('加分上限', 'Bonus cap')} suffix="分" />
            </Col>
          </>
        )}
      </Row>
    </>
  );
}

function ListRows({ name, fields, addLabel, testId }: { name: string; fields: Array<{ key: string; label: string; width: number; optional?: boolean }>; addLabel: string; testId: string }) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <div data-testid={testId}>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="baseline">
              {fields.map((f) => (
                <Form.Item key={f.key} name={[row.name, f.key]} rules={f.optional ? [] : [{ required: true, message: f.label }]} style={{ width: f.width, marginBottom: 8 }}>
                  <Input placeholder={f.label} />
                </Form.Item>
              ))}
              <MinusCircleOutlined onClick={() => remove(row.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function IndicatorTypeFields({ type }: { type: IndicatorType }) {
  const { t } = useI18n();
  const rateShortfall = Form.useWatch('rateShortfall');
  const checklistMode = Form.useWatch('checklistMode');
  const rankMode = Form.useWatch('rankMode');
  const weight = <Num name="weight" label={t('标准分 W', 'Points W')} suffix="分" />;

  switch (type) {
    case 'count_range':
      return (
        <>
          <Row gutter={12}>
            <Col xs={8}>{weight}</Col>
            <Col xs={8}><Num name="lower" label={t('确保值 L', 'Floor L')} /></Col>
            <Col xs={8}><Num name="upper" label={t('力争值 U', 'Aim U')} /></Col>
          </Row>
          <CountScoring />
        </>
      );
    case 'count_target':
      return (
        <>
          <Row gutter={12}>
            <Col xs={8}>{weight}</Col>
            <Col xs={8}><Num name="target" label={t('目标值 T', 'Target T')} /></Col>
          </Row>
          <CountScoring />
        </>
      );
    case 'rate_threshold':
      return (
        <>
          <Row gutter={12}>
            <Col xs={8}>{weight}</Col>
            <Col xs={8}><Num name="threshold" label={t('门槛值', 'Threshold')} hint={t('百分数，如 99 表示 99%', 'Percent, 99 = 99%')} /></Col>
            <Col xs={8}><Direction /></Col>
          </Row>
          <Row gutter={12}>
            <Col xs={16}>
              <Form.Item name="rateShortfall" label={t('未达门槛时', 'Below the threshold')}>
                <Radio.Group options={[{ value: 'slope', label: t('每差1个百分点扣分', 'Points off per pp') }, { value: 'proportional', label: t('按完成率计分', 'Proportional') }]} />
              </Form.Item>
            </Col>
            {rateShortfall !== 'proportional' && <Col xs={8}><Num name="pointsPerPp" label={t('每个百分点', 'Per pp')} suffix="分" /></Col>}
          </Row>
        </>
      );
    case 'base_slope':
      return (
        <Row gutter={12}>
          <Col xs={8}>{weight}</Col>
          <Col xs={8}><Num name="target" label={t('目标值', 'Target')} signed /></Col>
          <Col xs={8}><Direction /></Col>
          <Col xs={8}><Num name="basePercent" label={t('达标得标准分的', 'Base share')} suffix="%" /></Col>
          <Col xs={8}><Num name="pointsPerPp" label={t('每增减1个百分点', 'Per pp')} suffix="分" /></Col>
          <Col xs={8}><Num name="capPercent" label={t('最高为标准分的', 'Cap share')} suffix="%" /></Col>
        </Row>
      );
    case 'task':
      return (
        <Row gutter={12}>
          <Col xs={8}>{weight}</Col>
          <Col xs={8}><Num name="partialPercent" label={t('部分完成得标准分的', 'Partly done share')} suffix="%" /></Col>
        </Row>
      );
    case 'checklist':
      return (
        <>
          <Row gutter={12}>
            <Col xs={8}>{weight}</Col>
            <Col xs={16}>
              <Form.Item name="checklistMode" label={t('计分方式', 'Scoring')}>
                <Radio.Group options={[{ value: 'deduct_missing', label: t('每缺一项扣分', 'Points off per missing item') }, { value: 'sum_done', label: t('按完成项分值累加', 'Sum of items done') }]} />
              </Form.Item>
            </Col>
            {checklistMode !== 'sum_done' && <Col xs={8}><Num name="pointsPerMissing" label={t('每缺一项扣', 'Per missing item')} suffix="分" /></Col>}
          </Row>
          <Typography.Text strong>{t('清单项', 'Items')}</Typography.Text>
          <ListRows name="checklistItems" testId="indicator-checklist" addLabel={t('添加清单项', 'Add item')} fields={[{ key: 'code', label: t('编码', 'Code'), width: 120 }, { key: 'name', label: t('名称', 'Name'), width: 240 }, { key: 'points', label: t('分值（累加时）', 'Points'), width: 120, optional: true }]} />
        </>
      );
    case 'rank':
      return (
        <>
          <Row gutter={12}>
            <Col xs={8}>{weight}</Col>
            <Col xs={16}><Direction /></Col>
          </Row>
          <Form.Item name="rankMode" label={t('名次得分', 'Rank points')}>
            <Radio.Group options={[{ value: 'linear', label: t('第1名满分，每后移一名递减', 'Linear steps') }, { value: 'table', label: t('按名次得分表', 'Points table') }]} />
          </Form.Item>
          {rankMode === 'table' ? (
            <Row gutter={12}>
              <Col xs={16}>
                <Form.Item name="rankPoints" label={t('第1、2、3…名得分（逗号分隔）', 'Points of rank 1, 2, 3 … (comma separated)')} rules={[{ required: true }]}>
                  <Input placeholder="3, 2.5, 2" />
                </Form.Item>
              </Col>
              <Col xs={8}><Num name="otherPoints" label={t('其余名次得分', 'Other ranks')} suffix="分" /></Col>
            </Row>
          ) : (
            <Row gutter={12}>
              <Col xs={8}><Num name="stepPercent" label={t('每后移一名减', 'Step')} suffix="%" /></Col>
              <Col xs={8}><Num name="floorPercent" label={t('最低为标准分的', 'Floor')} suffix="%" /></Col>
            </Row>
          )}
        </>
      );
    case 'bonus':
    case 'deduction':
      return (
        <>
          <Row gutter={12}>
            <Col xs={8}><Num name="pointsPerOccurrence" label={type === 'bonus' ? t('每项加分', 'Points each') : t('每次扣分', 'Points each')} suffix="分" /></Col>
            <Col xs={8}><Num name="cap" label={type === 'bonus' ? t('本项加分上限', 'Item cap') : t('本项扣分上限', 'Item cap')} suffix="分" /></Col>
          </Row>
          <Typography.Text strong>{t('按级别计分（可选，如国家级2分、省级1分）', 'Levels (optional)')}</Typography.Text>
          <ListRows name="levels" testId="indicator-levels" addLabel={t('添加级别', 'Add level')} fields={[{ key: 'code', label: t('编码', 'Code'), width: 120 }, { key: 'name', label: t('级别', 'Level'), width: 160 }, { key: 'points', label: t('分值', 'Points'), width: 100 }]} />
        </>
      );
    case 'veto':
      return (
        <Form.Item name="condition" label={t('否决情形', 'Veto condition')} rules={[{ required: true, max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="indicator-condition" />
        </Form.Item>
      );
  }
}
