export { notifyUsers, listMyNotifications, markNotificationsRead } from './service';
export { notificationRoutes } from './routes';
export type { Notification, NotificationInput } from './schema';
