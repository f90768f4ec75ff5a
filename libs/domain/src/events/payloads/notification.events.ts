import 'reflect-metadata';
import { IsIn, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export class NotificationDeliveredV1 {
  @IsUUID() notificationId: string;
  @IsIn(['email', 'in_app']) channel: 'email' | 'in_app';
  @IsString() recipientSubject: string;
  @IsUUID() sourceEventId: string;
}

export class NotificationFailedV1 {
  @IsUUID() notificationId: string;
  @IsIn(['email', 'in_app']) channel: 'email' | 'in_app';
  @IsString() recipientSubject: string;
  @IsUUID() sourceEventId: string;
  @IsString() @MaxLength(1000) error: string;
  @IsInt() @Min(1) attempts: number;
}
