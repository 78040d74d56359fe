/**
 * Who may do what, as data. The middleware checks a staff route against
 * STAFF_ROUTES, and every staff action checks `can()` again itself.
 */
import type { Role } from './domain.ts';

export const PERMISSIONS = [
  'users.manage',
  'areas.manage',
  'audit.read',
  'content.edit',
  'comments.moderate',
  'reports.moderate',
  'surveys.edit',
  'dashboard.read',
  'dashboard.export',
  'goals.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The permission table: one row per role. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  editor: ['content.edit', 'surveys.edit'],
  moderator: ['comments.moderate', 'reports.moderate'],
  analyst: ['dashboard.read', 'dashboard.export', 'goals.manage'],
  viewer: ['dashboard.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Staff routes and the permission each needs (`null`: any signed-in staff
 * member). The longest matching prefix wins. A staff path that matches
 * nothing here needs `users.manage`, so a forgotten entry fails closed.
 */
export const STAFF_ROUTES: readonly { prefix: string; permission: Permission | null }[] = [
  { prefix: '/staff', permission: null },
  { prefix: '/staff/account', permission: null },
  { prefix: '/staff/users', permission: 'users.manage' },
  { prefix: '/staff/open311', permission: 'users.manage' },
  { prefix: '/staff/partners', permission: 'users.manage' },
  { prefix: '/staff/audit', permission: 'audit.read' },
  { prefix: '/staff/areas', permission: 'areas.manage' },
  { prefix: '/staff/places', permission: 'areas.manage' },
  { prefix: '/staff/categories', permission: 'areas.manage' },
  { prefix: '/staff/initiatives', permission: 'content.edit' },
  { prefix: '/staff/events', permission: 'content.edit' },
  { prefix: '/staff/consultations', permission: 'content.edit' },
  { prefix: '/staff/comments', permission: 'comments.moderate' },
  { prefix: '/staff/reports', permission: 'reports.moderate' },
  { prefix: '/staff/surveys', permission: 'surveys.edit' },
  { prefix: '/staff/dashboard', permission: 'dashboard.read' },
  { prefix: '/staff/dashboard/goals', permission: 'goals.manage' },
  { prefix: '/staff/dashboard/export', permission: 'dashboard.export' },
  { prefix: '/staff/report', permission: 'dashboard.read' },
];

/** Staff paths that open without a full session: signing in and the second factor. */
export const STAFF_AUTH_PATHS = ['/staff/login', '/staff/mfa', '/staff/mfa/setup', '/staff/logout'] as const;

/** The permission a staff path needs; see STAFF_ROUTES. */
export function requiredPermission(path: string): Permission | null {
  let best: { prefix: string; permission: Permission | null } | undefined;
  for (const route of STAFF_ROUTES) {
    const matches = path === route.prefix || path.startsWith(`${route.prefix}/`);
    if (matches && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  if (!best || (best.prefix === '/staff' && path !== '/staff' && path !== '/staff/')) return 'users.manage';
  return best.permission;
}

export function isStaffPath(path: string): boolean {
  return path === '/staff' || path.startsWith('/staff/');
}
