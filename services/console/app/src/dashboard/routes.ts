/** Typed path of the dashboard (tests and links build URLs with it). */
export const toDashboard = () => '/dashboard';

/** What the dashboard's own data needs (GET /inventory/summary); the events card needs audit:read. */
export const DASHBOARD_PERMISSION = 'report:read';
export const RECENT_EVENTS_PERMISSION = 'audit:read';
