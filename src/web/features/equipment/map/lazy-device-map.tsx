/** `DeviceMap` behind `React.lazy`: OpenLayers is fetched only when the map view is opened. */
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { DeviceMapProps } from './device-map';

const DeviceMapImpl = lazy(() => import('./device-map').then((m) => ({ default: m.DeviceMap })));

export type { DeviceMapProps } from './device-map';

export function LazyDeviceMap(props: DeviceMapProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 480 }} />}>
      <DeviceMapImpl {...props} />
    </Suspense>
  );
}
