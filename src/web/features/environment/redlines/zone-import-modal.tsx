/**
 * Import red-line zones from a GeoJSON file (managers): pick the file, choose upsert or replace,
 * check it with a dry run (nothing is written; errors name the feature), then import.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Modal, Radio, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportZonesResult } from '../../../../domains/environment/redline-schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useImportZones } from '../api';
import { checkZoneFile, parseJsonText, readTextFile } from '../geojson-file';

type Loaded = { name: string; json: unknown; features: number };

export function ZoneImportModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} onCancel={onClose} footer={null} destroyOnHidden width={720} title={t('导入生态红线区（GeoJSON）', 'Import red-line zones (GeoJSON)')}>
      <ImportBody onClose={onClose} />
    </Modal>
  );
}

function ImportBody({ onClose }: { onClose(): void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<'upsert' | 'replace'>('upsert');
  const [result, setResult] = useState<ImportZonesResult | null>(null);
  const run = useImportZones();

  const load = async (picked: File) => {
    setResult(null);
    run.reset();
    const parsed = parseJsonText(await readTextFile(picked));
    const checked = parsed.ok ? checkZoneFile(parsed.value) : parsed;
    if (!checked.ok) {
      setFile(null);
      setFileError(label(checked.error));
      return;
    }
    setFileError(null);
    setFile({ name: picked.name, json: checked.value.json, features: checked.value.features });
  };

  const submit = async (dryRun: boolean) => {
    if (!file) return;
    try {
      const r = await run.mutateAsync({ geojson: file.json, mode, dryRun });
      setResult(r);
      if (!dryRun) {
        message.success(t(`已导入：新增 ${r.created}，更新 ${r.updated}，停用 ${r.deactivated}`, `Imported: ${r.created} new, ${r.updated} updated, ${r.deactivated} deactivated`));
        onClose();
      }
    } catch {
      setResult(null);
    }
  };

  return (
    <div data-testid="zone-import">
      <Upload.Dragger
        accept=".geojson,.json,application/geo+json,application/json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          void load(f);
          return false;
        }}
        data-testid="zone-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? `${file.name} · ${t(`${file.features} 个要素`, `${file.features} features`)}` : t('点击或拖入 GeoJSON 文件', 'Click or drop a GeoJSON file')}</p>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('属性：name、code、type、tier（已配置的管控级别），可选 territoryCode / territory', 'Properties: name, code, type, tier (a configured tier); optional territoryCode / territory')}
        </Typography.Text>
      </Upload.Dragger>
      {fileError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={fileError} />}
      <Flex align="center" gap={12} style={{ margin: '12px 0' }} wrap>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as 'upsert' | 'replace');
            setResult(null);
          }}
          options={[
            { value: 'upsert', label: t('按编码新增或更新', 'Add or update by code') },
            { value: 'replace', label: t('替换（停用文件中没有的区）', 'Replace (deactivate zones not in the file)') },
          ]}
        />
      </Flex>
      <ErrorAlert error={run.error} />
      {result?.dryRun && (
        <>
          <Alert type="success" showIcon title={t('校验通过（试运行，未写入）', 'Valid (dry run, nothing written)')} style={{ marginBottom: 8 }} data-testid="zone-import-dry-run" />
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: 'f', label: t('要素', 'Features'), children: result.features },
              { key: 'c', label: t('新增', 'New'), children: result.created },
              { key: 'u', label: t('更新', 'Updated'), children: result.updated },
              { key: 'd', label: t('停用', 'Deactivated'), children: result.deactivated },
              { key: 'a', label: t('面积合计', 'Total area'), children: `${result.totalAreaKm2.toFixed(2)} km²` },
            ]}
          />
          <Table
            size="small"
            rowKey="code"
            pagination={result.zones.length > 8 ? { pageSize: 8 } : false}
            dataSource={result.zones}
            columns={[
              { key: 'code', title: t('编码', 'Code'), dataIndex: 'code' },
              { key: 'name', title: t('名称', 'Name'), dataIndex: 'name' },
              { key: 'tier', title: t('管控级别', 'Tier'), dataIndex: 'tier' },
              { key: 'area', title: 'km²', render: (_, z) => z.areaKm2.toFixed(3) },
              { key: 'action', title: t('操作', 'Action'), render: (_, z) => <Tag color={z.action === 'create' ? 'green' : 'blue'}>{z.action === 'create' ? t('新增', 'New') : t('更新', 'Update')}</Tag> },
            ]}
          />
        </>
      )}
      <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
        <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
        <Button disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => void submit(true)} data-testid="zone-import-check">
          {t('校验（试运行）', 'Check (dry run)')}
        </Button>
        <Button type="primary" disabled={!result?.dryRun} loading={run.isPending && !run.variables?.dryRun} onClick={() => void submit(false)} data-testid="zone-import-run">
          {t('确认导入', 'Import')}
        </Button>
      </Flex>
    </div>
  );
}
