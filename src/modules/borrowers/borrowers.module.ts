import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ReferenceModule } from '../reference/index.js';
import { BorrowersController } from './controllers/borrowers.controller.js';
import { CooperativeGroupsController } from './controllers/cooperative-groups.controller.js';
import { BorrowersService } from './services/borrowers.service.js';
import { CooperativeGroupsService } from './services/cooperative-groups.service.js';

@Module({
  imports: [AuditModule, ReferenceModule],
  controllers: [BorrowersController, CooperativeGroupsController],
  providers: [BorrowersService, CooperativeGroupsService],
  exports: [BorrowersService],
})
export class BorrowersModule {}
