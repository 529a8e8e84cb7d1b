export { login, logout, getMe, createSessionResolver } from './auth-service';
export { listUsers, getUser, createUser, updateUser, resetPassword, changeOwnPassword } from './user-service';
export { countActiveUsersInOrg, countUsersTotal, findUserByUsername, deleteExpiredSessions } from './store';
export { listUserIdsForRecipients, type UserRecipient } from './recipient-store';
export { hashPassword } from './passwords';
export { openSessionCache, type SessionCache } from './session-cache';
export { accountRoutes } from './routes';
export type { User, Me } from './schema';
