/**
 * The last step of the import wizard: the batch's progress while the background job reads and
 * checks the file, then the result — counts, the error report (when rows failed), undo, and the
 * ways on (another file, the history, the imported list).
 */
import { DownloadOutlined, HistoryOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Result, Spin, Statistic, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { ErrorAlert } from '../../components/ui/error-alert';
import { apiErrorText } from '../../components/ui/form-error';
import { useI18n } from '../../lib/i18n';
import { errorReportUrl, useImportBatch, useImportJob, useUndoImport } from './api';
import { importModeLabels, importOutcome, isBatchFinished, refusalTitle, type ImportOutcome } from './import-status';
import type { ImportBatch } from './import-types';

export type ImportResultProps = { batchId: string; jobId: string | null; listPath: string | null; onAgain(): void };

export function ImportResult({ batchId, jobId, listPath, onAgain }: ImportResultProps) {
  const { t } = useI18n();
  const client = useQueryClient();
  const batch = useImportBatch(batchId);
  const finished = batch.data ? isBatchFinished(batch.data.status) : false;
  const job = useImportJob(jobId, !finished);
  const refreshed = useRef(false);

  // The imported records changed: refresh every list once the batch is done.
  useEffect(() => {
    if (finished && !refreshed.current) {
      refreshed.current = true;
      void client.invalidateQueries();
    }
  }, [finished, client]);

  if (batch.error) return <ErrorAlert error={batch.error} />;
  if (!batch.data) return <Spin />;
  if (!finished) {
    const percent = job.data?.progress.percent ?? null;
    return (
      <Card data-testid="import-progress">
        <Flex vertical align="center" gap={12} style={{ padding: 24 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {batch.data.status === 'queued' ? t('排队中…', 'Queued…') : t('正在读取并校验文件…', 'Reading and checking the file…')}
          </Typography.Title>
          <Progress type="circle" percent={percent ?? undefined} status="active" format={percent === null ? () => t('处理中', 'Working') : undefined} />
          <Typography.Text type="secondary">{job.data?.message ?? batch.data.fileName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('可以离开本页，导入会在后台继续；结果可在“导入记录”中查看。', 'You may leave this page; the import continues and its result appears in the import history.')}
          </Typography.Text>
        </Flex>
      </Card>
    );
  }
  return <FinishedBatch batch={batch.data} listPath={listPath} onAgain={onAgain} />;
}

function outcomeView(outcome: ImportOutcome, batch: ImportBatch, t: (zh: string, en: string) => string, label: (l: { zh: string; en: string }) => string) {
  switch (outcome.kind) {
    case 'succeeded':
      return outcome.withErrors
        ? { status: 'warning' as const, title: t(`已导入正确的行，${batch.failedCount} 行有错误未导入`, `Good rows imported; ${batch.failedCount} rows had errors`) }
        : { status: 'success' as const, title: t('导入完成', 'Import complete') };
    case 'rejected':
      return {
        status: 'error' as const,
        title: t(`有 ${batch.failedCount} 行错误，未导入任何数据`, `${batch.failedCount} rows have errors; nothing was imported`),
        sub: t('“全部正确才导入”：请下载错误报告，按“错误说明”改正后重新上传（错误报告可直接上传）。', 'All or nothing: download the error report, fix the rows and upload it again.'),
      };
    case 'validated':
      return { status: 'info' as const, title: t('试导入完成（未写入任何数据）', 'Dry run complete (nothing written)') };
    case 'undone':
      return { status: 'info' as const, title: t('该批次已撤销', 'This batch was undone') };
    case 'failed':
      return { status: 'error' as const, title: label(refusalTitle(outcome.code)), sub: outcome.message };
    case 'pending':
      return { status: 'info' as const, title: t('处理中', 'Working') };
  }
}

function FinishedBatch({ batch, listPath, onAgain }: { batch: ImportBatch; listPath: string | null; onAgain(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const undo = useUndoImport();
  const outcome = importOutcome(batch);
  const view = outcomeView(outcome, batch, t, label);
  const doUndo = async () => {
    try {
      await undo.mutateAsync(batch);
      message.success(t('已撤销整批导入', 'The batch was undone'));
    } catch (error) {
      message.error(apiErrorText(error, t));
      throw error;
    }
  };

  const actions: ReactNode[] = [];
  if (batch.hasErrorReport) {
    actions.push(
      <Button key="report" type="primary" danger={outcome.kind === 'rejected'} icon={<DownloadOutlined />} href={errorReportUrl(batch.id)} download data-testid="import-error-report">
        {t('下载错误报告', 'Download the error report')}
      </Button>,
    );
  }
  if (batch.canUndo) {
    actions.push(
      <ConfirmAction
        key="undo"
        label={t('撤销本次导入', 'Undo this import')}
        icon={<RollbackOutlined />}
        title={t('撤销整批导入？', 'Undo the whole batch?')}
        description={t('删除本批新增的记录，恢复本批更新前的数据。导入后又被修改过的批次不能撤销。', 'Deletes the records it added and restores the ones it updated. Refused if any was changed since.')}
        onConfirm={doUndo}
        testId="import-undo"
      />,
    );
  }
  actions.push(
    <Button key="again" icon={<UploadOutlined />} onClick={onAgain} data-testid="import-again">
      {t('导入另一个文件', 'Import another file')}
    </Button>,
    <Button key="history" icon={<HistoryOutlined />} onClick={() => navigate('/imports')}>
      {t('导入记录', 'Import history')}
    </Button>,
  );
  if (listPath) {
    actions.push(
      <Button key="list" onClick={() => navigate(listPath)} data-testid="import-back-to-list">
        {t('返回列表', 'Back to the list')}
      </Button>,
    );
  }

  const showCounts = outcome.kind !== 'failed';
  return (
    <Card data-testid="import-result" data-status={batch.status}>
      <Result
        status={view.status}
        title={<span data-testid="import-result-title">{view.title}</span>}
        subTitle={
          <>
            {view.sub && <div>{view.sub}</div>}
            <div>
              {t('文件', 'File')}：{batch.fileName} · {label(importModeLabels[batch.mode])}
              {batch.dryRun ? ` · ${t('试导入', 'dry run')}` : ''}
            </div>
          </>
        }
        extra={<Flex wrap gap={8} justify="center">{actions}</Flex>}
      />
      {showCounts && (
        <Flex wrap justify="space-around" gap={16} style={{ textAlign: 'center' }} data-testid="import-counts">
          <Statistic title={t('数据行', 'Rows')} value={batch.totalRows} />
          <Statistic title={t('新增', 'New')} value={batch.insertedCount} styles={{ content: { color: '#389e0d' } }} data-testid="import-count-inserted" />
          <Statistic title={t('更新', 'Updated')} value={batch.updatedCount} styles={{ content: { color: '#1f6feb' } }} />
          <Statistic title={t('未变化', 'Unchanged')} value={batch.unchangedCount} />
          <Statistic title={t('错误行', 'Failed')} value={batch.failedCount} styles={{ content: { color: batch.failedCount > 0 ? '#cf1322' : undefined } }} data-testid="import-count-failed" />
        </Flex>
      )}
      {batch.columnMap && batch.columnMap.ignored.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          title={t(`以下列未识别，已忽略：${batch.columnMap.ignored.join('、')}`, `Columns not recognised and ignored: ${batch.columnMap.ignored.join(', ')}`)}
        />
      )}
    </Card>
  );
}
