import { Module } from '@nestjs/common';
import { CommunesController } from './controllers/communes.controller.js';
import { SectorsController } from './controllers/sectors.controller.js';
import { CommunesService } from './services/communes.service.js';
import { SectorsService } from './services/sectors.service.js';

@Module({ controllers: [SectorsController, CommunesController], providers: [SectorsService, CommunesService], exports: [SectorsService, CommunesService] })
export class ReferenceModule {}
