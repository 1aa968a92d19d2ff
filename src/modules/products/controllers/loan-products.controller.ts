import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, PageQueryDto, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CreateLoanProductDto, LoanProductDto, LoanProductParametersDto, LoanProductVersionDto } from '../dto/loan-product.dto.js';
import { LoanProductsService } from '../services/loan-products.service.js';

@ApiTags('loan-products')
@Controller('loan-products')
export class LoanProductsController {
  constructor(private readonly products: LoanProductsService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Create a loan product (version 1)' })
  @ApiCreatedResponse({ type: LoanProductDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLoanProductDto): Promise<LoanProductDto> {
    return this.products.create(actor, dto);
  }

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'Loan products with their current version, paged' })
  @ApiPageResponse(LoanProductDto)
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<LoanProductDto>> {
    return this.products.list(actor, q);
  }

  @Get(':id')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'One loan product with its current version' })
  @ApiOkResponse({ type: LoanProductDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanProductDto> {
    return this.products.get(actor, id);
  }

  @Put(':id')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Edit a product: creates a new version; existing applications and loans keep theirs' })
  @ApiOkResponse({ type: LoanProductDto })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: LoanProductParametersDto): Promise<LoanProductDto> {
    return this.products.update(actor, id, dto);
  }

  @Get(':id/versions')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Every version of a loan product' })
  @ApiOkResponse({ type: LoanProductVersionDto, isArray: true })
  versions(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanProductVersionDto[]> {
    return this.products.versions(actor, id);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Retire a product: it takes no new applications' })
  @ApiOkResponse({ type: LoanProductDto })
  retire(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanProductDto> {
    return this.products.retire(actor, id);
  }
}
