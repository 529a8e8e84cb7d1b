/** `ZoneMap` behind `React.lazy`: OpenLayers is fetched only when a page shows a map. */
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { ZoneMapProps } from './zone-map';

const ZoneMapImpl = lazy(() => import('./zone-map').then((m) => ({ default: m.ZoneMap })));

export type { DrawKind, GeoGeometry, ZoneMapProps } from './zone-map';

export function LazyZoneMap(props: ZoneMapProps) {
  const height = props.height ?? 520;
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <ZoneMapImpl {...props} />
    </Suspense>
  );
}
