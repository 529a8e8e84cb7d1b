/**
 * The siting-check inputs: project name and type, and the footprint — drawn on the map (point,
 * line or polygon) or read from an uploaded GeoJSON file.
 */
import { AimOutlined, ClearOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ControlRuleSetView } from '../../../../domains/environment/redline-schema';
import { useI18n } from '../../../lib/i18n';
import { describeFootprint, extractFootprint, parseJsonText, readTextFile, type FootprintGeometry } from '../geojson-file';
import type { DrawKind } from '../map/lazy-zone-map';

export type Footprint = { geometry: FootprintGeometry; source: 'draw' | 'upload'; fileName?: string };

export type SitingFormProps = {
  rules: ControlRuleSetView | undefined;
  projectName: string;
  onProjectName(v: string): void;
  projectType: string | undefined;
  onProjectType(v: string): void;
  footprint: Footprint | null;
  onFootprint(f: Footprint | null): void;
  drawType: DrawKind | null;
  onDrawType(v: DrawKind | null): void;
  onRun(): void;
  running: boolean;
};

export function SitingForm(props: SitingFormProps) {
  const { rules, projectName, onProjectName, projectType, onProjectType, footprint, onFootprint, drawType, onDrawType, onRun, running } = props;
  const { t, label } = useI18n();
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = async (file: File) => {
    const parsed = parseJsonText(await readTextFile(file));
    const result = parsed.ok ? extractFootprint(parsed.value) : parsed;
    if (!result.ok) {
      setFileError(label(result.error));
      return;
    }
    setFileError(null);
    onDrawType(null);
    onFootprint({ geometry: result.value.geometry, source: 'upload', fileName: file.name });
    if (result.value.name && !projectName) onProjectName(result.value.name);
  };

  const summary = footprint ? describeFootprint(footprint.geometry) : null;

  return (
    <Card size="small" title={t('项目信息', 'Project')} data-testid="siting-form">
      <Form layout="vertical">
        <Form.Item label={t('项目名称', 'Project name')}>
          <Input value={projectName} onChange={(e) => onProjectName(e.target.value)} maxLength={200} placeholder={t('选填', 'Optional')} data-testid="siting-project-name" />
        </Form.Item>
        <Form.Item label={t('项目类型', 'Project type')} required>
          <Select
            value={projectType}
            onChange={onProjectType}
            options={(rules?.projectTypes ?? []).map((p) => ({ value: p.code, label: p.label }))}
            loading={!rules}
            placeholder={t('请选择项目类型', 'Choose a project type')}
            data-testid="siting-project-type"
          />
        </Form.Item>
        <Form.Item label={t('项目范围', 'Footprint')} required extra={t('在地图上绘制（面：单击加点，双击结束），或上传 GeoJSON 文件', 'Draw on the map (polygon: click to add points, double-click to finish) or upload a GeoJSON file')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Segmented<DrawKind | 'none'>
              block
              value={drawType ?? 'none'}
              onChange={(v) => onDrawType(v === 'none' ? null : v)}
              options={[
                { value: 'none', label: t('浏览', 'Browse') },
                { value: 'Point', label: t('画点', 'Point') },
                { value: 'LineString', label: t('画线', 'Line') },
                { value: 'Polygon', label: t('画面', 'Polygon') },
              ]}
              data-testid="siting-draw-mode"
            />
            <Space wrap>
              <span data-testid="siting-upload">
                <Upload
                  accept=".geojson,.json,application/geo+json,application/json"
                  maxCount={1}
                  showUploadList={false}
                  beforeUpload={(f) => {
                    void upload(f);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('上传 GeoJSON', 'Upload GeoJSON')}</Button>
                </Upload>
              </span>
              {footprint && (
                <Button icon={<ClearOutlined />} onClick={() => onFootprint(null)} data-testid="siting-clear">
                  {t('清除', 'Clear')}
                </Button>
              )}
            </Space>
            {fileError && <Alert type="error" showIcon title={fileError} data-testid="siting-file-error" />}
            <Typography.Text type={footprint ? undefined : 'secondary'} data-testid="siting-footprint-summary">
              {summary
                ? `${footprint?.source === 'upload' ? `${t('已上传', 'Uploaded')} ${footprint.fileName ?? ''}` : t('已绘制', 'Drawn')} · ${summary.type} · ${t(`${summary.vertices} 个顶点`, `${summary.vertices} vertices`)}`
                : t('尚未指定项目范围', 'No footprint yet')}
            </Typography.Text>
          </Space>
        </Form.Item>
        <Button type="primary" icon={<AimOutlined />} block disabled={!footprint || !projectType} loading={running} onClick={onRun} data-testid="siting-run">
          {t('开始核查', 'Run check')}
        </Button>
      </Form>
    </Card>
  );
}
