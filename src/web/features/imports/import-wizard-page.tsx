/**
 * 数据导入向导 /imports/:kind — generic for every import kind: (1) download the template and
 * choose the mode, (2) upload an xlsx/csv file, (3) follow the background job, then the result
 * with counts, the error report and undo. The step and the batch live in the URL
 * (`?batch=<id>&job=<id>`), so a reload or a link shows the same result.
 */
import { ImportOutlined } from '@ant-design/icons';
import { Alert, Card, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../auth/api';
import { useUploadImport } from './api';
import { importKindMeta } from './import-kinds';
import { ImportResult } from './import-result';
import { TemplateStep, UploadStep } from './import-steps';
import type { ImportMode } from './import-types';

export default function ImportWizardPage() {
  const { kind = '' } = useParams();
  const { t, label } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const meta = importKindMeta(kind);
  const kindLabel = meta ? label(meta.label) : kind;
  const [step, setStep] = useState<0 | 1>(0);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();

  const batchId = params.get('batch');
  const jobId = params.get('job');
  const current = batchId ? 2 : step;

  const start = async () => {
    if (!file) return;
    try {
      const result = await upload.mutateAsync({ kind, file, mode, dryRun });
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('batch', result.batch.id);
        if (result.jobId) next.set('job', result.jobId);
        return next;
      });
    } catch {
      // shown under the file picker (upload.error)
    }
  };
  const again = () => {
    upload.reset();
    setFile(null);
    setStep(0);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('batch');
      next.delete('job');
      return next;
    });
  };

  const allowed = can('imports.manage') && (!meta || can(meta.permission));
  return (
    <>
      <PageHeader
        breadcrumb={[
          ...(meta ? [{ key: 'list', title: label(meta.listLabel), onClick: () => navigate(meta.listPath) }] : []),
          { key: 'history', title: t('导入记录', 'Import history'), onClick: () => navigate('/imports') },
          { key: 'wizard', title: t('批量导入', 'Bulk import') },
        ]}
        title={
          <>
            <ImportOutlined /> {t(`批量导入${kindLabel}`, `Import ${kindLabel}`)}
          </>
        }
        subtitle={t('Excel（.xlsx）或 CSV 文件，逐行校验，出错的行可下载错误报告', 'Excel (.xlsx) or CSV, checked row by row, with a downloadable error report')}
      />
      {!allowed && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`您无权导入${kindLabel}数据`, `You may not import ${kindLabel}`)} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          size="small"
          items={[{ title: t('下载模板、选择方式', 'Template and mode') }, { title: t('上传文件', 'Upload') }, { title: t('导入结果', 'Result') }]}
          data-testid="import-steps"
        />
      </Card>
      <div data-testid="import-wizard" style={{ maxWidth: 880 }}>
        {current === 0 && (
          <TemplateStep kind={kind} kindLabel={kindLabel} mode={mode} dryRun={dryRun} onModeChange={setMode} onDryRunChange={setDryRun} onNext={() => setStep(1)} />
        )}
        {current === 1 && (
          <UploadStep
            file={file}
            uploading={upload.isPending}
            uploadError={upload.error}
            onFile={(picked) => {
              upload.reset();
              setFile(picked);
            }}
            onBack={() => setStep(0)}
            onStart={() => void start()}
          />
        )}
        {current === 2 && batchId && <ImportResult batchId={batchId} jobId={jobId} listPath={meta?.listPath ?? null} onAgain={again} />}
      </div>
    </>
  );
}
