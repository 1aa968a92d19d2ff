import { Module } from '@nestjs/common';
import { SectorsController } from './controllers/sectors.controller.js';
import { SectorsService } from './services/sectors.service.js';

@Module({ controllers: [SectorsController], providers: [SectorsService], exports: [SectorsService] })
export class ReferenceModule {}
