/**
 * The hazard's photo evidence in three rows — before (整改前), after (整改后), verification (复查) — as
 * thumbnails; click one to enlarge and page through all of them.
 */
import { Empty, Flex, Image, Typography } from 'antd';
import type { HazardPhoto } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { useI18n } from '../../lib/i18n';

const kinds: Array<{ kind: HazardPhoto['kind']; zh: string; en: string }> = [
  { kind: 'before', zh: '整改前', en: 'Before' },
  { kind: 'after', zh: '整改后', en: 'After' },
  { kind: 'verification', zh: '复查', en: 'Verification' },
];

export function HazardPhotos({ photos }: { photos: HazardPhoto[] }) {
  const { t } = useI18n();
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无照片', 'No photos')} />;
  return (
    <Image.PreviewGroup>
      {kinds.map(({ kind, zh, en }) => {
        const group = photos.filter((p) => p.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} style={{ marginBottom: 8 }} data-testid={`hazard-photos-${kind}`}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {t(zh, en)}（{group.length}）
            </Typography.Text>
            <Flex wrap gap={8}>
              {group.map((p) => (
                <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} alt={p.fileName} data-testid="hazard-photo" />
              ))}
            </Flex>
          </div>
        );
      })}
    </Image.PreviewGroup>
  );
}
