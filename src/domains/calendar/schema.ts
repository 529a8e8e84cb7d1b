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
