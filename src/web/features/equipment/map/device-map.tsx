/**
 * OpenLayers map of devices (offline: vector points over a plain background with a graticule, no
 * tile server). Points are coloured by due status; grid cells (when the server aggregates) show
 * their count and zoom in when clicked. Loaded lazily through `LazyDeviceMap`.
 *
 * The container carries `data-map-state` (`loading` → `ready` after the first complete render) and
 * `data-feature-count`.
 */
import 'ol/ol.css';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { isEmpty } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import Graticule from 'ol/layer/Graticule.js';
import VectorLayer from 'ol/layer/Vector.js';
import OlMap from 'ol/Map.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { Stroke } from 'ol/style.js';
import View from 'ol/View.js';
import { useEffect, useRef, useState } from 'react';
import type { DeviceGeoJson } from '../../../../domains/equipment-safety/equipment/view-schema';
import { deviceStyle } from './device-map-styles';

export type DeviceMapProps = {
  data: DeviceGeoJson | undefined;
  /** Fit the view to the features whenever this changes (a new filter), not on every refetch. */
  fitKey: string;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  /** The visible extent (minLon,minLat,maxLon,maxLat) after each move. */
  onViewChange?: (bbox: string) => void;
  height?: number;
  testId?: string;
};

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

export function DeviceMap({ data, fitKey, selectedId, onSelect, onViewChange, height = 480, testId }: DeviceMapProps) {
  const target = useRef<HTMLDivElement>(null);
  const mapRef = useRef<OlMap | null>(null);
  const sourceRef = useRef<VectorSource | null>(null);
  const layerRef = useRef<VectorLayer<VectorSource> | null>(null);
  const selectedRef = useRef<string | null>(null);
  const handlers = useRef({ onSelect, onViewChange });
  handlers.current = { onSelect, onViewChange };
  const fitted = useRef<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!target.current) return;
    const source = new VectorSource();
    const layer = new VectorLayer({ source, style: (f) => deviceStyle(f, selectedRef.current) });
    const map = new OlMap({
      target: target.current,
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      layers: [new Graticule({ strokeStyle: new Stroke({ color: 'rgba(0,0,0,0.12)', width: 1, lineDash: [2, 4] }), showLabels: true, wrapX: false }), layer],
      view: new View({ center: fromLonLat([121.2, 31.9]), zoom: 10, maxZoom: 19 }),
    });
    map.on('singleclick', (e) => {
      const hit = map.forEachFeatureAtPixel(e.pixel, (f) => f);
      if (hit && hit.get('cluster')) {
        const view = map.getView();
        view.animate({ center: e.coordinate, zoom: (view.getZoom() ?? 10) + 2, duration: 250 });
        return;
      }
      handlers.current.onSelect?.(hit ? String(hit.get('id') ?? '') : null);
    });
    map.on('pointermove', (e) => {
      const el = map.getTargetElement();
      if (el) el.style.cursor = map.hasFeatureAtPixel(e.pixel) ? 'pointer' : '';
    });
    map.on('moveend', () => {
      const size = map.getSize();
      if (!size) return;
      const [minLon, minLat, maxLon, maxLat] = transformExtent(map.getView().calculateExtent(size), 'EPSG:3857', 'EPSG:4326').map((v) => Number(v.toFixed(5)));
      handlers.current.onViewChange?.([Math.max(minLon as number, -180), Math.max(minLat as number, -90), Math.min(maxLon as number, 180), Math.min(maxLat as number, 90)].join(','));
    });
    map.once('rendercomplete', () => setReady(true));
    mapRef.current = map;
    sourceRef.current = source;
    layerRef.current = layer;
    return () => {
      map.setTarget(undefined);
      mapRef.current = null;
      sourceRef.current = null;
      layerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const source = sourceRef.current;
    const map = mapRef.current;
    if (!source || !map) return;
    source.clear();
    if (data) source.addFeatures(format.readFeatures(data) as Feature<Geometry>[]);
    if (data && fitted.current !== fitKey && source.getFeatures().length > 0) {
      fitted.current = fitKey;
      const extent = source.getExtent();
      if (extent && !isEmpty(extent)) map.getView().fit(extent, { padding: [40, 40, 40, 40], maxZoom: 15, duration: 0 });
    }
  }, [data, fitKey]);

  useEffect(() => {
    selectedRef.current = selectedId ?? null;
    layerRef.current?.changed();
  }, [selectedId]);

  return (
    <div
      ref={target}
      data-testid={testId}
      data-map-state={ready ? 'ready' : 'loading'}
      data-feature-count={data?.features.length ?? 0}
      style={{ height, width: '100%', background: '#eef3f7', border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden' }}
    />
  );
}
