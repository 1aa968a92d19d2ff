import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class CommuneQueryDto {
  @ApiPropertyOptional({ example: '19', description: 'Province code (Decision 19/2025/QĐ-TTg); the fund’s own province when omitted' })
  @IsOptional() @Matches(/^\d{2}$/)
  provinceCode?: string;
}

/** A commune, ward or special zone after the 1 July 2025 arrangement (Decision 19/2025/QĐ-TTg). */
export class CommuneDto {
  @ApiProperty({ example: '19' }) provinceCode: string;
  @ApiProperty({ example: 'Tỉnh Thái Nguyên' }) provinceNameVi: string;
  @ApiProperty({ example: 'Thai Nguyen Province' }) provinceNameEn: string;
  @ApiProperty({ example: '05443' }) code: string;
  @ApiProperty({ example: 'Phường Phan Đình Phùng' }) nameVi: string;
  @ApiProperty({ example: 'Phan Dinh Phung Ward' }) nameEn: string;
  @ApiProperty({ enum: ['xã', 'phường', 'đặc khu'], example: 'phường' }) unit: string;
}
