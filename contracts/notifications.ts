import { z } from 'zod';
import { pageOf, PageQuerySchema } from './common.js';

/** One in-app notification of the logged-in account. `link` is a web-app path (a route of the feature list). */
export const NotificationSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable().describe('what the notice is about (ids), for clients that group notices'),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

export const NotificationListQuerySchema = PageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
});

export const NotificationPageSchema = pageOf(NotificationSchema);
export const UnreadCountSchema = z.object({ unread: z.number().int() });
