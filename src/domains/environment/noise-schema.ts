/** Noise measurements (day/night Leq per point and day) and compliance by zone class and period (isomorphic). */
import { z } from 'zod';
import { toScaledIfExact } from './decimal';
import { noiseZones } from './noise-rules';
import { periodGroupings } from './period-rules';

const level = z
  .number({ error: '声级必须是数值' })
  .min(0, '声级不能为负')
  .max(200, '声级不应超过 200 dB(A)')
  .refine((v) => toScaledIfExact(v, 1) !== null, '声级最多保留一位小数（0.1 dB）');

export const noiseMeasurementSchema = z
  .object({
    id: z.uuid(),
    stationId: z.uuid(),
    stationCode: z.string(),
    stationName: z.string(),
    measuredOn: z.string(),
    zone: z.enum(noiseZones).describe('测量时的声环境功能区'),
    dayLeq: z.number().nullable(),
    nightLeq: z.number().nullable(),
    nightLmax: z.number().nullable(),
    dayLimit: z.number().nullable(),
    nightLimit: z.number().nullable(),
    dayCompliant: z.boolean().nullable(),
    nightCompliant: z.boolean().nullable(),
    dayExceedance: z.number().nullable(),
    nightExceedance: z.number().nullable(),
    nightBurstCompliant: z.boolean().nullable().describe('夜间突发噪声 Lmax ≤ 限值 + 15 dB'),
    note: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'NoiseMeasurement' });
export type NoiseMeasurement = z.infer<typeof noiseMeasurementSchema>;

export const createNoiseMeasurementInputSchema = z
  .object({
    stationId: z.uuid(),
    measuredOn: z.iso.date(),
    dayLeq: level.nullable().optional().describe('昼间等效声级 Leq dB(A)（06:00–22:00）'),
    nightLeq: level.nullable().optional().describe('夜间等效声级 Leq dB(A)'),
    nightLmax: level.nullable().optional().describe('夜间最大声级 Lmax dB(A)'),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .refine((v) => (v.dayLeq ?? null) !== null || (v.nightLeq ?? null) !== null, { message: '至少填写昼间或夜间 Leq', path: ['dayLeq'] })
  .meta({ id: 'CreateNoiseMeasurementInput' });
export type CreateNoiseMeasurementInput = z.infer<typeof createNoiseMeasurementInputSchema>;

export const updateNoiseMeasurementInputSchema = z
  .object({
    version: z.number().int().min(1),
    measuredOn: z.iso.date().optional(),
    dayLeq: level.nullable().optional(),
    nightLeq: level.nullable().optional(),
    nightLmax: level.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateNoiseMeasurementInput' });
export type UpdateNoiseMeasurementInput = z.infer<typeof updateNoiseMeasurementInputSchema>;

export const listNoiseQuerySchema = z.object({
  stationId: z.uuid().optional(),
  zone: z.enum(noiseZones).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  compliant: z.enum(['true', 'false']).optional().describe('只看达标 / 超标（昼夜任一超标即为超标）'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(['-measuredOn', 'measuredOn', 'station']).default('-measuredOn'),
});
export type ListNoiseQuery = z.infer<typeof listNoiseQuerySchema>;

export const noisePageSchema = z.object({ items: z.array(noiseMeasurementSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const countSchema = z.object({ measured: z.number().int(), compliant: z.number().int(), percent: z.number().nullable() });
const zoneComplianceSchema = z.object({ zone: z.enum([...noiseZones, 'all']), day: countSchema, night: countSchema, overall: countSchema });

export const noiseComplianceQuerySchema = z.object({
  groupBy: z.enum(periodGroupings).default('year'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  orgUnitId: z.uuid().optional(),
});
export type NoiseComplianceQuery = z.infer<typeof noiseComplianceQuerySchema>;

export const noiseComplianceSchema = z
  .object({
    groupBy: z.enum(periodGroupings),
    from: z.string(),
    to: z.string(),
    rows: z.array(z.object({ period: z.string(), from: z.string(), to: z.string(), byZone: z.array(zoneComplianceSchema), all: zoneComplianceSchema })),
  })
  .meta({ id: 'NoiseCompliance' });
export type NoiseCompliance = z.infer<typeof noiseComplianceSchema>;
