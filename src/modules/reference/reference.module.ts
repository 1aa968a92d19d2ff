import { Module } from '@nestjs/common';
import { CommunesController } from './controllers/communes.controller.js';
import { SectorsController } from './controllers/sectors.controller.js';
import { CommunesService } from './services/communes.service.js';
import { FormerCommunesService } from './services/former-communes.service.js';
import { SectorsService } from './services/sectors.service.js';

@Module({
  controllers: [SectorsController, CommunesController],
  providers: [SectorsService, CommunesService, FormerCommunesService],
  exports: [SectorsService, CommunesService, FormerCommunesService],
})
export class ReferenceModule {}
