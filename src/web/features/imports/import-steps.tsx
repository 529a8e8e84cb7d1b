/**
 * The first two steps of the import wizard: download the template and choose the mode, then pick
 * the file (checked here for extension and size; the server checks the content and refuses zip
 * bombs, disguised files and too many rows with a Chinese message shown by `UploadRefusal`).
 */
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Radio, Space, Typography, Upload } from 'antd';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { templateUrl } from './api';
import { checkImportFile, importModeLabels, refusalTitle } from './import-status';
import type { ImportMode } from './import-types';

export type TemplateStepProps = {
  kind: string;
  kindLabel: string;
  mode: ImportMode;
  dryRun: boolean;
  onModeChange(mode: ImportMode): void;
  onDryRunChange(dryRun: boolean): void;
  onNext(): void;
};

export function TemplateStep({ kind, kindLabel, mode, dryRun, onModeChange, onDryRunChange, onNext }: TemplateStepProps) {
  const { t, label } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('1. 下载导入模板', '1. Download the template')}>
        <Typography.Paragraph type="secondary">
          {t(
            `模板含中文表头（带 * 的列必填）、一行灰色示例（未改动时导入会自动跳过）、下拉选项和“填写说明”工作表。列的顺序可以调整，常见的别名表头（如“单位名称”）也能识别。`,
            'The template has Chinese headers (* = required), a grey example row (skipped when left unchanged), drop-downs and a notes sheet. Columns may be reordered; common alias headers are recognised.',
          )}
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={templateUrl(kind)} download data-testid="import-template-download">
          {t(`下载${kindLabel}导入模板`, `Download the ${kindLabel} template`)}
        </Button>
      </Card>
      <Card size="small" title={t('2. 选择导入方式', '2. Choose how to import')}>
        <Radio.Group value={mode} onChange={(e) => onModeChange(e.target.value as ImportMode)} data-testid="import-mode">
          <Space orientation="vertical">
            <Radio value="all_or_nothing" data-testid="import-mode-all_or_nothing">
              <Typography.Text strong>{label(importModeLabels.all_or_nothing)}</Typography.Text>
              <Typography.Text type="secondary">
                {t('（默认）只要有一行错误，整个文件都不写入；按错误报告改正后重新上传', ' (default) one bad row and nothing is written; fix the rows from the error report and upload again')}
              </Typography.Text>
            </Radio>
            <Radio value="valid_only" data-testid="import-mode-valid_only">
              <Typography.Text strong>{label(importModeLabels.valid_only)}</Typography.Text>
              <Typography.Text type="secondary">{t('：正确的行写入，错误的行列入错误报告', ': good rows are written, bad rows go to the error report')}</Typography.Text>
            </Radio>
          </Space>
        </Radio.Group>
        <div style={{ marginTop: 12 }}>
          <Checkbox checked={dryRun} onChange={(e) => onDryRunChange(e.target.checked)} data-testid="import-dry-run">
            {t('试导入：只校验并统计，不写入任何数据', 'Dry run: check and count, write nothing')}
          </Checkbox>
        </div>
      </Card>
      <Flex justify="flex-end">
        <Button type="primary" onClick={onNext} data-testid="import-next">
          {t('下一步：选择文件', 'Next: choose the file')}
        </Button>
      </Flex>
    </Space>
  );
}

export type UploadStepProps = {
  file: File | null;
  uploading: boolean;
  uploadError: unknown;
  onFile(file: File | null): void;
  onBack(): void;
  onStart(): void;
};

export function UploadStep({ file, uploading, uploadError, onFile, onBack, onStart }: UploadStepProps) {
  const { t, label } = useI18n();
  const problem = file ? checkImportFile(file) : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          maxCount={1}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(picked) => {
            onFile(picked);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">{file ? <FileExcelOutlined /> : <InboxOutlined />}</p>
          <p data-testid="import-file-name">{file ? `${file.name}（${formatSize(file.size)}）` : t('点击或拖入 Excel（.xlsx）或 CSV 文件', 'Click or drop an Excel (.xlsx) or CSV file')}</p>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('最大 20 MB；CSV 可为 UTF-8 或 GBK 编码', 'Up to 20 MB; CSV in UTF-8 or GBK')}
          </Typography.Text>
        </Upload.Dragger>
      </div>
      {problem && <Alert type="error" showIcon title={label(problem)} data-testid="import-file-problem" />}
      <UploadRefusal error={uploadError} />
      <Flex justify="space-between">
        <Button onClick={onBack} disabled={uploading}>
          {t('上一步', 'Back')}
        </Button>
        <Button type="primary" disabled={!file || problem !== null} loading={uploading} onClick={onStart} data-testid="import-start">
          {t('开始导入', 'Start the import')}
        </Button>
      </Flex>
    </Space>
  );
}

/** A file the server refused at upload: a headline by error code and the server's Chinese message. */
function UploadRefusal({ error }: { error: unknown }) {
  const { t, label } = useI18n();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'http.error';
  const message = error instanceof Error ? error.message : String(error);
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      type="error"
      showIcon
      title={forbidden ? t('无权导入', 'Not allowed') : label(refusalTitle(code))}
      description={message}
      data-testid="import-upload-error"
    />
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
