import { applyDecorators, type Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { ExportAcceptedDto } from '../dto/report-views.dto.js';

/** The file formats a report is rendered in (export/csv.ts, xlsx.ts, pdf.ts). */
const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'];
const binary = { schema: { type: 'string', format: 'binary' } };

/** 200 with the report file as an attachment (content-disposition names it). */
export const fileContent = Object.fromEntries(FILE_TYPES.map((t) => [t, binary]));

/**
 * What respond.ts answers: 200 with the JSON report (format=json, the default) or the file
 * (format=csv|xlsx|pdf); 202 with the queued export when the file has more rows than
 * REPORT_EXPORT_ASYNC_ROWS.
 */
export function ApiReportResponses(json: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(json, ExportAcceptedDto),
    ApiOkResponse({
      description: 'The report: JSON, or the file of the requested format',
      content: { 'application/json': { schema: { $ref: getSchemaPath(json) } }, ...fileContent },
    }),
    ApiAcceptedResponse({
      description: 'A large file export was queued; Location is its status URL',
      content: { 'application/json': { schema: { $ref: getSchemaPath(ExportAcceptedDto) } } },
    }),
  );
}
