/**
 * Photo evidence as a form control: a big "拍照 / 选择照片" button over
 * `<input type="file" accept="image/*" capture="environment">` (a phone opens its rear camera), each
 * photo uploaded at once (`POST /files`, purpose photo), shown as a thumbnail (tap to enlarge) with a
 * remove button. The value is the list of uploaded file ids.
 *
 *   <Form.Item name="photos"><PhotoUpload testId="hazard-photos" onBusyChange={setUploading} /></Form.Item>
 *
 * Large photos are scaled down in the browser (longest side 2000 px, JPEG) before upload. Test ids:
 * `${testId}-input` (the file input), `${testId}-button`, `${testId}-thumb` (each finished photo).
 */
import { CameraOutlined, CloseOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { apiErrorText } from '../../components/ui/form-error';
import { uploadPhoto } from './api';

type Item = { key: string; previewUrl: string; name: string; state: 'uploading' | 'done' | 'error'; id?: string; error?: string };

export type PhotoUploadProps = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  onBusyChange?: (busy: boolean) => void;
  max?: number;
  testId: string;
  buttonText?: string;
};

const SHRINK_ABOVE_BYTES = 1_500_000;
const MAX_SIDE = 2000;

/** Scales a large photo down to MAX_SIDE px as JPEG; returns the original when it is small or cannot be decoded. */
async function shrinkPhoto(file: File): Promise<File> {
  if (file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

let counter = 0;

export function PhotoUpload({ value, onChange, onBusyChange, max = 20, testId, buttonText }: PhotoUploadProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // Keep the form value and the busy flag in step with the items.
  useEffect(() => {
    const ids = items.flatMap((i) => (i.state === 'done' && i.id ? [i.id] : []));
    if (JSON.stringify(ids) !== JSON.stringify(value ?? [])) onChange?.(ids);
    onBusyChange?.(items.some((i) => i.state === 'uploading'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  // A form reset (value emptied from outside) clears the thumbnails.
  useEffect(() => {
    if ((value ?? []).length === 0 && itemsRef.current.some((i) => i.state === 'done')) setItems((prev) => prev.filter((i) => i.state !== 'done'));
  }, [value]);

  useEffect(() => () => itemsRef.current.forEach((i) => URL.revokeObjectURL(i.previewUrl)), []);

  const update = (key: string, patch: Partial<Item>) => setItems((prev) => prev.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const room = max - items.length;
    const chosen = [...files].slice(0, Math.max(0, room));
    if (chosen.length < files.length) message.warning(t(`最多 ${max} 张照片`, `At most ${max} photos`));
    const added = chosen.map((file) => ({ key: `p${++counter}`, previewUrl: URL.createObjectURL(file), name: file.name, state: 'uploading' as const, file }));
    setItems((prev) => [...prev, ...added.map(({ file: _file, ...item }) => item)]);
    await Promise.all(
      added.map(async ({ key, file }) => {
        try {
          const stored = await uploadPhoto(await shrinkPhoto(file));
          update(key, { state: 'done', id: stored.id });
        } catch (error) {
          update(key, { state: 'error', error: apiErrorText(error, t) });
        }
      }),
    );
  };

  const remove = (key: string) =>
    setItems((prev) => {
      const gone = prev.find((i) => i.key === key);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return prev.filter((i) => i.key !== key);
    });

  return (
    <div>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      <Image.PreviewGroup>
        <Flex wrap gap={8} style={{ marginBottom: items.length > 0 ? 8 : 0 }}>
          {items.map((item) => (
            <div
              key={item.key}
              style={{ position: 'relative', width: 88, height: 88, borderRadius: 6, overflow: 'hidden', border: `1px solid ${item.state === 'error' ? token.colorError : token.colorBorder}` }}
              data-testid={item.state === 'done' ? `${testId}-thumb` : undefined}
              title={item.error ?? item.name}
            >
              <Image src={item.previewUrl} width={88} height={88} style={{ objectFit: 'cover', opacity: item.state === 'done' ? 1 : 0.5 }} alt={item.name} />
              {item.state !== 'done' && (
                <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
                  {item.state === 'uploading' ? <LoadingOutlined style={{ fontSize: 24 }} /> : <WarningOutlined style={{ fontSize: 24, color: token.colorError }} />}
                </Flex>
              )}
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                onClick={() => remove(item.key)}
                aria-label={t('移除照片', 'Remove photo')}
                style={{ position: 'absolute', top: 2, right: 2 }}
              />
            </div>
          ))}
        </Flex>
      </Image.PreviewGroup>
      {items.some((i) => i.state === 'error') && (
        <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }}>
          {t('有照片上传失败（点红框查看原因），请移除后重新选择', 'Some photos failed to upload; remove them and try again')}
        </Typography.Text>
      )}
      <Button size="large" icon={<CameraOutlined />} onClick={() => input.current?.click()} disabled={items.length >= max} block data-testid={`${testId}-button`}>
        {buttonText ?? t('拍照 / 选择照片', 'Take / choose photos')}
      </Button>
    </div>
  );
}
