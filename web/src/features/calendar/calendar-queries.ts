import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type CalendarYear = components['schemas']['CalendarYearDto'];
export type CalendarDay = components['schemas']['CalendarDayDto'];
export type CalendarDayInput = components['schemas']['CalendarDayInputDto'];
export type CalendarDayKind = CalendarDayInput['kind'];
export type CalendarPreview = components['schemas']['CalendarChangePreviewDto'];
export type CalendarChange = components['schemas']['CalendarChangeDto'];
export type WorkingWeek = components['schemas']['WorkingWeekViewDto'];

const keys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  week: ['calendar', 'working-week'] as const,
  changes: (page: number, pageSize: number) => ['calendar', 'changes', page, pageSize] as const,
};

/** A year's days (the admin's, or the law's while GENERATED) and the law's days beside them. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: keys.year(year),
    queryFn: () => call(api.GET('/api/v1/calendar/years/{year}', { params: { path: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useWorkingWeek() {
  return useQuery({ queryKey: keys.week, queryFn: () => call(api.GET('/api/v1/calendar/working-week')) });
}

export function useCalendarChanges(page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.changes(page, pageSize),
    queryFn: () => call(api.GET('/api/v1/calendar/changes', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

/** Dry runs: nothing is saved, so they are mutations only in that they are POSTs the user asks for. */
export function usePreviewYear(year: number) {
  return useMutation({
    mutationFn: (days: CalendarDayInput[]) => call(api.POST('/api/v1/calendar/years/{year}/preview', { params: { path: { year } }, body: { days } })),
  });
}

export function usePreviewWorkingWeek() {
  return useMutation({
    mutationFn: (workingWeekdays: number[]) => call(api.POST('/api/v1/calendar/working-week/preview', { body: { workingWeekdays } })),
  });
}

/** A saved change moves due dates of many loans: everything calendar- and loan-related is refetched. */
function useInvalidateAfterChange() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: ['loans'] })]);
}

export function useSaveYear(year: number) {
  const invalidate = useInvalidateAfterChange();
  return useMutation({
    mutationFn: (body: { days: CalendarDayInput[]; note?: string }) => call(api.PUT('/api/v1/calendar/years/{year}', { params: { path: { year } }, body })),
    onSuccess: invalidate,
  });
}

export function useConfirmYear(year: number) {
  const invalidate = useInvalidateAfterChange();
  return useMutation({
    mutationFn: (note: string | undefined) => call(api.POST('/api/v1/calendar/years/{year}/confirm', { params: { path: { year } }, body: { note } })),
    onSuccess: invalidate,
  });
}

export function useSaveWorkingWeek() {
  const invalidate = useInvalidateAfterChange();
  return useMutation({
    mutationFn: (workingWeekdays: number[]) => call(api.PUT('/api/v1/calendar/working-week', { body: { workingWeekdays } })),
    onSuccess: invalidate,
  });
}
