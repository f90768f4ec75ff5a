import { ApiProperty } from '@nestjs/swagger';
import type { InAppNotification } from './in-app.service.js';

/* The in-app answers as OpenAPI schemas; each class implements what the code serves (no silent drift). */

export class InAppNotificationDoc implements InAppNotification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Votre demande a bien été reçue' }) title: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'string', nullable: true, format: 'uuid' }) applicationId: string | null;
  @ApiProperty({ example: 'application.submitted/citizen' }) template: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time' }) readAt: string | null;
}

export class InAppNotificationPageDoc {
  @ApiProperty({ type: [InAppNotificationDoc] }) items: InAppNotificationDoc[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Nombre de notifications non lues' }) unread: number;
}
