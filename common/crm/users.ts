import * as z from 'zod/mini';

/** A Freshsales user as returned by `/selector/owners` and side-loaded as `users` (api §3, §6). */
export const crmUserSchema = z.looseObject({
  id: z.number(),
  display_name: z.string(),
  email: z.optional(z.nullable(z.string())),
  is_active: z.optional(z.boolean()),
});

export type CrmUser = z.infer<typeof crmUserSchema>;

/** `GET /selector/owners` answers under the key `users`, not `owners`. */
export const ownersResponseSchema = z.looseObject({ users: z.array(crmUserSchema) });

export type OwnersResponse = z.infer<typeof ownersResponseSchema>;
