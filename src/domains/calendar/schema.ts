/**
 * Working-day calendar inputs (isomorphic). Administrators enter the State Council's yearly
 * holiday arrangement (放假安排, incl. 调休 working weekends) as overrides; they win over the data
 * shipped in the `chinese-days` package (domain.md §11.3, stack.md §6).
 */
import { z } from 'zod';
import { isIsoDate } from './iso-date';

export const CALENDAR_NAME_MAX = 60;
export const CALENDAR_OVERRIDES_MAX = 1000;

/** `YYYY-MM-DD`, a real calendar day (2026-02-29 is rejected). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isIsoDate, { message: '日期不存在' });

export const dayOverrideKinds = ['holiday', 'workday'] as const;
export type DayOverrideKind = (typeof dayOverrideKinds)[number];

export const dayOverrideKindLabels: Record<DayOverrideKind, { zh: string; en: string }> = {
  holiday: { zh: '放假', en: 'Holiday (day off)' },
  workday: { zh: '上班（调休补班）', en: 'Working day (adjusted)' },
};

/** Kind of a day as the calendar reports it. */
export const dayKinds = ['workday', 'weekend', 'holiday', 'adjusted_workday'] as const;
export type DayKind = (typeof dayKinds)[number];

export const dayKindLabels: Record<DayKind, { zh: string; en: string }> = {
  workday: { zh: '工作日', en: 'Working day' },
  weekend: { zh: '周末', en: 'Weekend' },
  holiday: { zh: '法定节假日', en: 'Public holiday' },
  adjusted_workday: { zh: '调休上班', en: 'Adjusted working day' },
};

export const calendarOverrideInputSchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(dayOverrideKinds),
    name: z.string().trim().min(1).max(CALENDAR_NAME_MAX),
  })
  .strict();
export type CalendarOverrideInput = z.infer<typeof calendarOverrideInputSchema>;

/** A whole list of overrides, as an administrator saves it; one entry per date. */
export const calendarOverrideListSchema = z
  .array(calendarOverrideInputSchema)
  .max(CALENDAR_OVERRIDES_MAX)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.date)) {
        ctx.addIssue({ code: 'custom', message: `日期重复：${entry.date}`, path: [index, 'date'] });
      }
      seen.add(entry.date);
    });
  });

// ── API shapes ─────────────────────────────────────────────────────────────────────────────

export const calendarDaySchema = z
  .object({
    date: z.string(),
    isWorkingDay: z.boolean(),
    kind: z.enum(dayKinds),
    name: z.string().nullable(),
    source: z.enum(['override', 'package', 'weekday']).describe('override = 管理员录入；package = 随系统发布的国务院放假安排；weekday = 仅按星期推算'),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDayView = z.infer<typeof calendarDaySchema>;

export const calendarMonthQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12).optional().describe('省略时返回全年'),
});
export type CalendarMonthQuery = z.infer<typeof calendarMonthQuerySchema>;

export const calendarMonthSchema = z.object({
  knownYears: z.array(z.number().int()).describe('有节假日数据（随系统发布或管理员录入）的年份'),
  isYearKnown: z.boolean().describe('所查年份是否有节假日安排；否则只能按星期推算'),
  year: z.number().int(),
  month: z.number().int().nullable(),
  days: z.array(calendarDaySchema),
});
export type CalendarMonth = z.infer<typeof calendarMonthSchema>;

export const calendarOverrideSchema = z
  .object({
    date: z.string(),
    kind: z.enum(dayOverrideKinds),
    name: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'CalendarOverride' });
export type CalendarOverrideView = z.infer<typeof calendarOverrideSchema>;

export const calendarOverridesQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const calendarOverrideListResponseSchema = z.object({ year: z.number().int().nullable(), items: z.array(calendarOverrideSchema) });

export const replaceYearOverridesInputSchema = z.object({ overrides: calendarOverrideListSchema }).strict();
export type ReplaceYearOverridesInput = z.infer<typeof replaceYearOverridesInputSchema>;

export const workingDaysQuerySchema = z.object({
  date: isoDateSchema.describe('起算日（不计入）'),
  days: z.coerce.number().int().min(-3660).max(3660).describe('工作日数，负数表示向前'),
  requireKnownYears: z.enum(['true', 'false']).default('false').describe('true：涉及未录入节假日安排的年份时报错'),
});
export type WorkingDaysQuery = z.infer<typeof workingDaysQuerySchema>;

export const workingDaysResultSchema = z.object({
  date: z.string(),
  days: z.number().int(),
  result: z.string().describe('第 |days| 个工作日'),
  unknownYears: z.array(z.number().int()).describe('计算涉及、但没有节假日安排的年份（按星期推算）'),
});
