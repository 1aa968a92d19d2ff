import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import type { Page } from './paging.js';

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The OpenAPI schema of a Page<T> (paging.ts): one named class per item type
 * (`LoanDto` → `LoanPageDto`), so the generated client gets a named type per list.
 */
export function pageDtoOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item], maxItems: 200 }) items: T[];
    @ApiProperty({ example: 1, description: 'The page number, from 1' }) page: number;
    @ApiProperty({ example: 50, minimum: 1, maximum: 200, description: 'Rows a page (at most 200)' }) pageSize: number;
    @ApiProperty({ example: 1, description: 'Rows matching the filter, over all pages' }) total: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  pages.set(item, PageDto);
  return PageDto;
}

/** 200 with a page of `item` (a list route's answer). */
export function ApiPageResponse(item: Type<unknown>): MethodDecorator {
  return applyDecorators(ApiOkResponse({ type: pageDtoOf(item) }));
}
