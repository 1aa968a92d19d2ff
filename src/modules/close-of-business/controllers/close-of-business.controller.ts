import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../auth/index.js';
import { CloseResultDto, CloseUntilDto } from '../dto/close-of-business.dto.js';
import { CloseOfBusinessService } from '../services/close-of-business.service.js';

@ApiTags('close-of-business')
@Controller('close-of-business')
export class CloseOfBusinessController {
  constructor(private readonly close: CloseOfBusinessService) {}

  @Post()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Close every open business day up to `until`, in order' })
  @ApiOkResponse({ type: CloseResultDto })
  closeUntil(@CurrentActor() actor: Actor, @Body() dto: CloseUntilDto): Promise<CloseResultDto> {
    return this.close.closeUntil(actor, dto.until);
  }
}
