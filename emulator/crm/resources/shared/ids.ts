import { emptyNotFound } from '../../http/errors';
import type { Id } from '../../model/types';

const DIGITS = /^\d{1,16}$/;

/** A path id; a non-numeric one gets the real service's empty-bodied 404 (api §8). */
export function parseId(text: string | undefined): Id {
  if (text === undefined || !DIGITS.test(text)) throw emptyNotFound();
  return Number(text);
}
