export { AuthModule } from './auth.module.js';
export { UserEntity, UserRoleEntity, RoleEntity } from './entities/user.entity.js';
export { UsersService } from './services/users.service.js';
