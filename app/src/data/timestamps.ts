/**
 * Moments typed in the sidebar's forms (`<input type="datetime-local">`, browser time) and the
 * timestamps sent for them: ISO 8601 with the UTC offset that day has in the browser's zone
 * (`2024-05-12T10:00:00+02:00`, api §1), which both JavaScript's Date and the CRM read back
 * as the same instant, across daylight-saving changes too.
 */

/** Dates outside these years are typing mistakes, not plans (issue #10: 1900 to 2100). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** The `min` / `max` of the forms' datetime inputs. */
export const LOCAL_INPUT_MIN = `${YEAR_MIN}-01-01T00:00`;
export const LOCAL_INPUT_MAX = `${YEAR_MAX}-12-31T23:59`;

const pad = (value: number, width = 2) => String(Math.trunc(Math.abs(value))).padStart(width, '0');

function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  return `${minutes >= 0 ? '+' : '-'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

function localDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2024-05-12T10:00:00+02:00` for a moment, in the browser's zone. */
export function isoWithOffset(date: Date): string {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${offsetOf(date)}`;
}

/** What a datetime-local input shows for a moment: `2024-05-12T10:00`. */
export function toLocalInput(date: Date): string {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A CRM timestamp as a datetime-local value; empty when there is none or it is not a date. */
export function timestampToLocalInput(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : toLocalInput(date);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type MomentProblem = 'required' | 'invalid' | 'range';

/** Why a datetime-local value is not a moment the CRM should get, or undefined when it is. */
export function momentProblem(value: string): MomentProblem | undefined {
  if (value.trim() === '') return 'required';
  const match = LOCAL_INPUT.exec(value.trim());
  if (match === null || !isCalendarDay(new Date(value.trim()), Number(match[2]), Number(match[3]))) return 'invalid';
  const year = Number(match[1]);
  return year < YEAR_MIN || year > YEAR_MAX ? 'range' : undefined;
}

/** Date rolls 30 February over into March; a typed day must stay the day it names. */
function isCalendarDay(date: Date, month: number, day: number): boolean {
  return !Number.isNaN(date.getTime()) && date.getMonth() + 1 === month && date.getDate() === day;
}

/** A valid datetime-local value as a Date in the browser's zone; undefined otherwise. */
export function parseLocalInput(value: string): Date | undefined {
  return momentProblem(value) === undefined ? new Date(value.trim()) : undefined;
}

/** `start` plus whole minutes. */
export function addMinutes(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

/** The next full half hour after `now`: where new appointments start. */
export function nextHalfHour(now: Date): Date {
  const next = new Date(now.getTime());
  next.setSeconds(0, 0);
  next.setMinutes(next.getMinutes() < 30 ? 30 : 60);
  return next;
}
