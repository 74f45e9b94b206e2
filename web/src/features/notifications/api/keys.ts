/** Query keys of the caller's notifications (the bell's unread count and the list). */
export interface NotificationListParams {
  unread?: boolean | undefined;
  limit: number;
  offset: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  list: (p: NotificationListParams) => [...notificationKeys.all, 'list', p] as const,
};
