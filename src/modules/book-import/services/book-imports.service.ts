import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Page } from '../../../platform/http/index.js';
import type { Actor } from '../../auth/index.js';
import type { BookImportDto, BookImportListQueryDto, BookImportProgressDto, BookImportResultDto, CommuneChoicesDto, RejectBookImportDto } from '../dto/book-import.dto.js';

@Injectable()
export class BookImportsService {
  upload(_actor: Actor, _req: FastifyRequest): Promise<BookImportDto> {
    throw new Error('not yet');
  }
  list(_q: BookImportListQueryDto): Promise<Page<BookImportDto>> {
    throw new Error('not yet');
  }
  get(_id: string): Promise<BookImportDto> {
    throw new Error('not yet');
  }
  file(_id: string): Promise<{ fileName: string; buffer: Buffer }> {
    throw new Error('not yet');
  }
  chooseCommunes(_actor: Actor, _id: string, _dto: CommuneChoicesDto): Promise<BookImportDto> {
    throw new Error('not yet');
  }
  submit(_actor: Actor, _id: string): Promise<BookImportDto> {
    throw new Error('not yet');
  }
  approve(_actor: Actor, _id: string): Promise<BookImportDto> {
    throw new Error('not yet');
  }
  reject(_actor: Actor, _id: string, _dto: RejectBookImportDto): Promise<BookImportDto> {
    throw new Error('not yet');
  }
  progress(_id: string): Promise<BookImportProgressDto> {
    throw new Error('not yet');
  }
  result(_id: string): Promise<BookImportResultDto> {
    throw new Error('not yet');
  }
}
