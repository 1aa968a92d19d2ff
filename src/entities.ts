import { AuditEventEntity } from './modules/audit/index.js';
import { RoleEntity, UserEntity, UserRoleEntity } from './modules/auth/index.js';

/** Every TypeORM entity, for the app, the CLI data source and migration generation. */
export const allEntities = [UserEntity, UserRoleEntity, RoleEntity, AuditEventEntity];
