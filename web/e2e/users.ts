/** The users the journeys log in as (created by global-setup through the API). */
export const ADMIN = { username: 'admin', password: 'web-admin-password-1' };
export const OFFICER = { username: 'web.officer', password: 'web-officer-password-1', displayName: 'Nguyễn Thị Lan', roles: ['OFFICER'] };
export const APPROVER = { username: 'web.approver', password: 'web-approver-password-1', displayName: 'Trần Văn Minh', roles: ['APPROVER'] };
export const AUDITOR = { username: 'web.auditor', password: 'web-auditor-password-1', displayName: 'Lê Thu Hà', roles: ['AUDITOR'] };
