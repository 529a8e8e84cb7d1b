/**
 * Evidence (佐证材料) as a form control: choose documents, PDFs, spreadsheets or photos; each file is
 * uploaded at once (`POST /files`, purpose evidence) and listed with its name and a remove button.
 * The value is the list of uploaded file ids; files already attached come in `initial` (names).
 *
 *   <Form.Item name="evidenceFileIds"><EvidenceUpload max={5} initial={report.evidence} testId="report-evidence" onBusyChange={setBusy} /></Form.Item>
 *
 * Test ids: `${testId}-input` (file input), `${testId}-button`, `${testId}-file` (each uploaded file).
 */
import { DeleteOutlined, LoadingOutlined, PaperClipOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { apiErrorText } from '../../components/ui/form-error';
import { useI18n } from '../../lib/i18n';
import { evidenceUrl, uploadEvidence } from './api';

type Item = { key: string; name: string; state: 'uploading' | 'done' | 'error'; id?: string; error?: string };

export type EvidenceUploadProps = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  onBusyChange?: (busy: boolean) => void;
  initial?: Array<{ id: string; fileName: string | null }>;
  max: number;
  disabled?: boolean;
  testId: string;
};

let counter = 0;

export function EvidenceUpload({ value, onChange, onBusyChange, initial, max, disabled, testId }: EvidenceUploadProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>(() =>
    (initial ?? []).filter((f) => (value ?? []).includes(f.id)).map((f) => ({ key: `e${++counter}`, name: f.fileName ?? f.id, state: 'done' as const, id: f.id })),
  );

  useEffect(() => {
    const ids = items.flatMap((i) => (i.state === 'done' && i.id ? [i.id] : []));
    if (JSON.stringify(ids) !== JSON.stringify(value ?? [])) onChange?.(ids);
    onBusyChange?.(items.some((i) => i.state === 'uploading'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  const update = (key: string, patch: Partial<Item>) => setItems((prev) => prev.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const add = async (files: FileList | null) => {
    if (!files) return;
    const chosen = [...files].slice(0, Math.max(0, max - items.length));
    const added = chosen.map((file) => ({ key: `e${++counter}`, file }));
    setItems((prev) => [...prev, ...added.map(({ key, file }) => ({ key, name: file.name, state: 'uploading' as const }))]);
    await Promise.all(
      added.map(async ({ key, file }) => {
        try {
          update(key, { state: 'done', id: (await uploadEvidence(file)).id });
        } catch (error) {
          update(key, { state: 'error', error: apiErrorText(error, t) });
        }
      }),
    );
  };

  if (max === 0) return <Typography.Text type="secondary">{t('此项无需上传佐证材料', 'No evidence needed for this item')}</Typography.Text>;

  return (
    <div>
      <input
        ref={input}
        type="file"
        multiple
        accept=".pdf,.docx,.xlsx,image/*"
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      {items.map((item) => (
        <Flex key={item.key} align="center" gap={8} style={{ marginBottom: 4 }} data-testid={item.state === 'done' ? `${testId}-file` : undefined}>
          {item.state === 'uploading' ? <LoadingOutlined /> : item.state === 'error' ? <WarningOutlined style={{ color: '#f5222d' }} /> : <PaperClipOutlined />}
          {item.state === 'done' && item.id ? (
            <a href={evidenceUrl(item.id)} target="_blank" rel="noreferrer">
              {item.name}
            </a>
          ) : (
            <Typography.Text type={item.state === 'error' ? 'danger' : undefined}>
              {item.name}
              {item.error ? `：${item.error}` : ''}
            </Typography.Text>
          )}
          {!disabled && (
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('移除', 'Remove')} onClick={() => setItems((prev) => prev.filter((i) => i.key !== item.key))} />
          )}
        </Flex>
      ))}
      {!disabled && (
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={items.length >= max} data-testid={`${testId}-button`}>
          {t(`上传佐证材料（最多 ${max} 份）`, `Upload evidence (at most ${max})`)}
        </Button>
      )}
    </div>
  );
}

/** Read-only list of evidence files with download links. */
export function EvidenceList({ files }: { files: Array<{ id: string; fileName: string | null }> }) {
  const { t } = useI18n();
  if (files.length === 0) return <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {files.map((f) => (
        <a key={f.id} href={evidenceUrl(f.id)} target="_blank" rel="noreferrer" data-testid="evidence-link">
          <PaperClipOutlined /> {f.fileName ?? f.id}
        </a>
      ))}
    </Flex>
  );
}
