/**
 * OpenLayers map of the red-line zones (coloured by control tier), optional monitoring stations
 * and a project footprint, over a plain background with a graticule (works offline: no tile
 * server). Optional drawing of a footprint (point / line / polygon). Loaded lazily through
 * `LazyZoneMap` so OpenLayers stays out of the pages' first chunk.
 *
 * The container carries `data-map-state` (`loading` → `ready` after the first complete render)
 * and `data-zone-count`.
 */
import 'ol/ol.css';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { containsExtent, createEmpty, extend as extendExtent, isEmpty, type Extent } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';
import Draw from 'ol/interaction/Draw.js';
import Graticule from 'ol/layer/Graticule.js';
import VectorLayer from 'ol/layer/Vector.js';
import OlMap from 'ol/Map.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { Stroke } from 'ol/style.js';
import View from 'ol/View.js';
import { useEffect, useRef, useState } from 'react';
import type { GeoCollection } from '../api';
import { footprintStyle, stationStyle, zoneStyle, type ZoneStyleState } from './map-styles';

export type GeoGeometry = { type: string; coordinates: unknown };
export type DrawKind = 'Point' | 'LineString' | 'Polygon';

export type ZoneMapProps = {
  zones: GeoCollection | undefined;
  tiers: readonly string[];
  stations?: GeoCollection;
  footprint?: GeoGeometry | null;
  highlightZoneIds?: readonly string[];
  selectedZoneId?: string | null;
  onZoneClick?: (id: string | null) => void;
  drawType?: DrawKind | null;
  onDraw?: (geometry: GeoGeometry) => void;
  height?: number | string;
  testId?: string;
};

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const readFeatures = (collection: GeoCollection | undefined) => (collection ? (format.readFeatures(collection) as Feature<Geometry>[]) : []);

/** Fit the view to an extent (only when it is not already fully in view, unless `force`). */
function fitTo(map: OlMap | null, extent: Extent, force = true) {
  if (!map || isEmpty(extent)) return;
  const view = map.getView();
  const size = map.getSize();
  if (!force && size && containsExtent(view.calculateExtent(size), extent)) return;
  view.fit(extent, { padding: [32, 32, 32, 32], maxZoom: 15, duration: 0 });
}

type Layers = { zones: VectorSource; stations: VectorSource; footprint: VectorSource; zoneLayer: VectorLayer<VectorSource> };

export function ZoneMap(props: ZoneMapProps) {
  const { zones, tiers, stations, footprint, highlightZoneIds, selectedZoneId, onZoneClick, drawType, onDraw, height = 520, testId } = props;
  const target = useRef<HTMLDivElement>(null);
  const mapRef = useRef<OlMap | null>(null);
  const layersRef = useRef<Layers | null>(null);
  const styleState = useRef<ZoneStyleState>({ tiers, selectedId: null, highlighted: new Set() });
  const handlers = useRef({ onZoneClick, onDraw, drawing: false });
  handlers.current = { onZoneClick, onDraw, drawing: Boolean(drawType) };
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!target.current) return;
    const zoneSource = new VectorSource();
    const stationSource = new VectorSource();
    const footprintSource = new VectorSource();
    const zoneLayer = new VectorLayer({ source: zoneSource, style: (f, r) => zoneStyle(f, r, styleState.current) });
    const map = new OlMap({
      target: target.current,
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      layers: [
        new Graticule({ strokeStyle: new Stroke({ color: 'rgba(0,0,0,0.12)', width: 1, lineDash: [2, 4] }), showLabels: true, wrapX: false }),
        zoneLayer,
        new VectorLayer({ source: stationSource, style: stationStyle }),
        new VectorLayer({ source: footprintSource, style: footprintStyle }),
      ],
      view: new View({ center: fromLonLat([105, 35]), zoom: 4, maxZoom: 19 }),
    });
    map.on('singleclick', (e) => {
      if (handlers.current.drawing) return;
      const hit = map.forEachFeatureAtPixel(e.pixel, (f, layer) => (layer === zoneLayer ? f : undefined));
      handlers.current.onZoneClick?.(hit ? String(hit.get('id') ?? hit.getId()) : null);
    });
    map.on('pointermove', (e) => {
      const hit = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => l === zoneLayer });
      const el = map.getTargetElement();
      if (el) el.style.cursor = hit && !handlers.current.drawing ? 'pointer' : '';
    });
    map.once('rendercomplete', () => setReady(true));
    mapRef.current = map;
    layersRef.current = { zones: zoneSource, stations: stationSource, footprint: footprintSource, zoneLayer };
    return () => {
      map.setTarget(undefined);
      mapRef.current = null;
      layersRef.current = null;
    };
  }, []);

  // zones and stations: replace the features, fit the view to everything
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers) return;
    layers.zones.clear();
    layers.zones.addFeatures(readFeatures(zones));
    layers.stations.clear();
    layers.stations.addFeatures(readFeatures(stations));
    const extent = createEmpty();
    for (const source of [layers.zones, layers.stations]) {
      const e = source.getFeatures().length ? source.getExtent() : null;
      if (e) extendExtent(extent, e);
    }
    fitTo(mapRef.current, extent);
  }, [zones, stations]);

  // styling state: tiers, selection, highlighted zones
  useEffect(() => {
    styleState.current = { tiers, selectedId: selectedZoneId ?? null, highlighted: new Set(highlightZoneIds ?? []) };
    layersRef.current?.zoneLayer.changed();
  }, [tiers, selectedZoneId, highlightZoneIds]);

  // the footprint given by the parent (drawn, uploaded or from a stored check)
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers) return;
    layers.footprint.clear();
    if (!footprint) return;
    const feature = format.readFeature({ type: 'Feature', geometry: footprint, properties: {} }) as Feature<Geometry>;
    layers.footprint.addFeature(feature);
    const extent = createEmpty();
    const own = layers.footprint.getExtent();
    if (own) extendExtent(extent, own);
    for (const id of highlightZoneIds ?? []) {
      const zone = layers.zones.getFeatures().find((f) => String(f.get('id') ?? f.getId()) === id);
      const geom = zone?.getGeometry();
      if (geom) extendExtent(extent, geom.getExtent());
    }
    // while the user draws, keep the view; otherwise (upload, stored check, result) show the footprint
    fitTo(mapRef.current, extent, !handlers.current.drawing);
  }, [footprint, highlightZoneIds]);

  // drawing interaction
  useEffect(() => {
    const map = mapRef.current;
    const layers = layersRef.current;
    if (!map || !layers || !drawType) return;
    const draw = new Draw({ source: layers.footprint, type: drawType, style: footprintStyle });
    draw.on('drawstart', () => layers.footprint.clear());
    draw.on('drawend', (e) => {
      const geometry = e.feature.getGeometry();
      if (!geometry) return;
      const geo = format.writeGeometryObject(geometry, { decimals: 7 }) as GeoGeometry;
      handlers.current.onDraw?.(geo);
    });
    map.addInteraction(draw);
    return () => {
      map.removeInteraction(draw);
    };
  }, [drawType]);

  return (
    <div
      ref={target}
      data-testid={testId}
      data-map-state={ready ? 'ready' : 'loading'}
      data-zone-count={zones?.features.length ?? 0}
      style={{ height, width: '100%', background: '#eef3f7', border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden' }}
    />
  );
}
