// The API's JSON shapes (camelCase, enums as camelCase strings), as WebFrontend serves them.

// The system roles; a business may add its own, so any other name may appear too.
export type Role = "owner" | "admin" | "agent" | "viewer" | (string & {});

export interface Employee {
  id: string;
  businessId: string;
  email: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  /** What the role grants ("conversations.reply", "settings.manage"…); see docs/PERMISSIONS.md. */
  permissions?: string[];
}

export interface EmployeeProfile extends Employee {
  status: string;
  createdAt: string;
}

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  sessionId: string;
  employee: Employee;
  /** The business requires two-factor authentication and this employee has not set it up: the token only opens the account pages. */
  twoFactorSetupRequired?: boolean;
}

export type Direction = "inbound" | "outbound";
export type Sender = "customer" | "assistant" | "employee" | "system";
export type Delivery = "queued" | "sent" | "delivered" | "read" | "failed";

export interface MediaAttachment {
  providerMediaId?: string | null;
  mimeType?: string | null;
  fileName?: string | null;
  isVoice?: boolean;
  transcript?: string | null;
  transcriptionState?: "pending" | "done" | "off" | "failed" | null;
  link?: string | null;
  /** Our copy: served by GET /api/media/{id} to the business's employees. */
  storedMediaId?: string | null;
}

export interface LocationShare {
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
}

export interface ContactCard {
  name: string;
  phones: string[];
  emails: string[];
}

export interface MessageContent {
  kind: string;
  text?: string | null;
  media?: MediaAttachment | null;
  location?: LocationShare | null;
  contacts?: ContactCard[] | null;
  reply?: { id: string; title: string; description?: string | null } | null;
  reaction?: { targetProviderMessageId: string; emoji: string } | null;
  template?: { name: string; language: string; parameters: string[] } | null;
}

export interface Message {
  id: string;
  conversationId: string;
  sequence: number;
  direction: Direction;
  sender: Sender;
  kind: string;
  body?: string | null;
  providerMessageId?: string | null;
  sentAt: string;
  storedAt: string;
  content?: MessageContent | null;
  delivery?: Delivery | null;
  deliveryErrorCode?: string | null;
  deliveryErrorTitle?: string | null;
  employeeId?: string | null;
  replyToProviderMessageId?: string | null;
  reactions?: { reactor: string; emoji: string }[] | null;
}

export interface MessagePage {
  conversationId: string;
  messages: Message[];
}

export interface Conversation {
  id: string;
  customer: { waId: string; name?: string | null };
  mode: string;
  status: string;
  assigneeId?: string | null;
  labels: string[];
  createdAt: string;
  lastMessageAt: string;
  lastSequence: number;
  lastReadSequence: number;
  unreadCount: number;
  lastMessage?: Message | null;
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor?: string | null;
}

export interface WhatsAppChannel {
  id: string;
  provider: "meta" | "twilio";
  address: string;
  displayPhoneNumber: string;
  businessAccountId?: string | null;
  accountSid?: string | null;
  messagingServiceSid?: string | null;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  hasVerifyToken: boolean;
  hasAuthToken: boolean;
  sendsThroughProvider: boolean;
  updatedAt: string;
}

export interface LocalDelivery {
  id: number;
  messageId: string;
  recipient: string;
  kind: string;
  body?: string | null;
  sentAt: string;
}

/** An RFC 7807 problem, with field errors for validation problems. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** A conversation as its grain holds it (the hub's ConversationChanged). */
export interface ConversationSnapshot {
  id: string;
  businessId: string;
  customerWaId: string;
  customerName?: string | null;
  mode: string;
  status: string;
  assigneeId?: string | null;
  labels?: string[] | null;
  flow?: string;
}

export interface HandoffSummary {
  id: string;
  conversationId?: string;
  reason: string;
  intent: string;
  summary: string;
  flowState: string;
  at: string;
}

/** GET /api/conversations/{id}/assistant */
export interface AssistantView {
  flowState: string;
  mode: string;
  drafting: boolean;
  draft?: string | null;
  draftTurnId?: string | null;
  latestHandoff?: HandoffSummary | null;
}

// ── Business records: customers, services, opening hours, bookings ─────────────────────────────────────────

export interface Customer {
  id: string;
  name?: string | null;
  waId?: string | null;
  phone?: string | null;
  email?: string | null;
  tags: string[];
  isVip: boolean;
  attributes: Record<string, unknown>;
  notesCount: number;
  firstSeenAt?: string | null;
  lastSeenAt?: string | null;
  createdAt: string;
  updatedAt: string;
  erasedAt?: string | null;
}

export interface CustomerPage {
  items: Customer[];
  nextCursor?: string | null;
}

export interface CustomerFilter {
  search?: string | null;
  tag?: string | null;
  vip?: boolean | null;
}

export interface CustomerSegment {
  id: string;
  name: string;
  filter: CustomerFilter;
  createdAt: string;
  updatedAt: string;
}

/** A CSV row that was not imported: its line (the header is line 1), the column at fault and why. */
export interface ImportRejection {
  line: number;
  field: string;
  reason: string;
}

export interface ImportResult {
  mode: string;
  applied: boolean;
  created: number;
  merged: number;
  rejected: ImportRejection[];
}

export interface MoneyAmount {
  amountMinor: number;
  currency: string;
}

export interface PanelBooking {
  id: string;
  serviceId: string;
  serviceName: string;
  startsAt: string;
  status: BookingStatus;
  priceMinor: number;
  currency: string;
}

/** GET /api/conversations/{id}/customer */
export interface CustomerPanelView {
  customer?: Customer | null;
  bookings: PanelBooking[];
  lifetimeValue: MoneyAmount[];
  handledBy: string[];
}

export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

export interface WeeklyHours {
  weekday: Weekday;
  opens: string;
  closes: string;
}

/** A date closed (no opens/closes) or open at other hours. */
export interface DateException {
  date: string;
  opens?: string | null;
  closes?: string | null;
  reason: string;
}

export interface OpeningHours {
  weeklyHours: WeeklyHours[];
  exceptions: DateException[];
}

export interface Service extends OpeningHours {
  id: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  durationMinutes: number;
  bufferMinutes: number;
  isActive: boolean;
  employeeIds: string[];
  createdAt: string;
  updatedAt: string;
}

export type BookingStatus = "pending" | "confirmed" | "completed" | "cancelled" | "no_show";

/** A booking; its times carry the business's offset (local time of the business). */
export interface Booking {
  id: string;
  serviceId: string;
  serviceName: string;
  customerId: string;
  customerName?: string | null;
  staffId?: string | null;
  start: string;
  end: string;
  status: BookingStatus;
  notes: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface BookingEvent {
  at: string;
  actor: string;
  employeeId?: string | null;
  change: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  start?: string | null;
}

export interface FreeSlot {
  start: string;
  end: string;
}

export interface DayAvailability {
  serviceId: string;
  date: string;
  timeZone: string;
  slots: FreeSlot[];
}

/** An internal note on a conversation (GET /api/notes?conversationId=). */
export interface InternalNote {
  id: string;
  conversationId: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
  updatedAt: string;
}

// ── Settings and insight (assistant, templates, knowledge, voice, security, notifications, analytics) ──

export interface AssistantSettings {
  enabled: boolean;
  provider: "offline" | "openai";
  baseUrl: string | null;
  model: string | null;
  hasApiKey: boolean;
  instructions: string | null;
  updatedAt: string | null;
}

/** The assistant as the settings document has it: also its tone and handoff rules. */
export interface AiSettings extends AssistantSettings {
  tone: AssistantTone;
  handoff: HandoffRules;
}

export type AssistantTone = "friendly" | "formal" | "concise";

/** When the assistant hands a customer to the team (null: the platform's default count). */
export interface HandoffRules {
  maxMisunderstandings: number | null;
  keywords: string[];
}

/** The business's settings as one document: GET/PATCH /api/settings (a JSON merge patch). */
export interface BusinessSettingsDocument {
  general: { name: string; timeZone: string; language: string; businessHours: OpeningHours; awayMessage: string | null };
  ai: AiSettings;
  branding: Branding;
}

export interface Branding {
  logoMediaId: string | null;
  primaryColor: string | null;
  accentColor: string | null;
}

export interface VoiceSettings {
  enabled: boolean;
  model: string | null;
  baseUrl: string | null;
  hasApiKey: boolean;
  hasEndpoint: boolean;
  updatedAt: string | null;
}

export interface PromptTemplate {
  id: string;
  flowState: string;
  name: string;
  body: string;
  version: number;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface PromptTemplateVersion {
  version: number;
  name: string;
  body: string;
  changedBy: string | null;
  changedAt: string;
}

export interface PromptTemplateDetails extends PromptTemplate {
  versions: PromptTemplateVersion[];
}

export interface PromptVariable {
  name: string;
  description: string;
}

export interface PromptTestResult {
  rendered: string;
  variables: Record<string, string>;
}

export interface KnowledgeArticle {
  id: string;
  title: string;
  body: string;
  tags: string[];
  isPublished: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeArticlePage {
  items: KnowledgeArticle[];
  nextOffset: number | null;
}

export interface KnowledgeMatch {
  articleId: string;
  title: string;
  body: string;
  rank: number;
  coverage: number;
}

export interface TwoFactorStatus {
  enabled: boolean;
  requiredByBusiness: boolean;
  recoveryCodesLeft: number;
  setupRequired: boolean;
}

export interface NotificationItem {
  id: string;
  employeeId: string;
  kind: string;
  title: string;
  conversationId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ResponseTimes {
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export interface ConversationDay {
  day: string | null;
  started: number;
  reopened: number;
  assistantOnly: number;
  withHuman: number;
  customerMessages: number;
  customerMessagesToAssistant: number;
  customerMessagesToHumans: number;
  assistantFirstResponse: ResponseTimes;
  humanFirstResponse: ResponseTimes;
  resolved: number;
  resolvedByAssistant: number;
  assistantResolutionShare: number | null;
  resolution: ResponseTimes;
  handoffs: number;
  takeovers: number;
}

export interface ConversationReport {
  from: string;
  to: string;
  timeZone: string;
  days: ConversationDay[];
  total: ConversationDay;
}

export interface RevenueTotal {
  currency: string;
  bookings: number;
  bookedMinor: number;
  paidBookings: number;
  paidMinor: number;
}

export interface RevenueLine extends RevenueTotal {
  day: string | null;
  serviceId: string;
  service: string;
}

export interface RevenueDay {
  day: string;
  totals: RevenueTotal[];
  services: RevenueLine[];
}

export interface RevenueReport {
  from: string;
  to: string;
  timeZone: string;
  days: RevenueDay[];
  services: RevenueLine[];
  totals: RevenueTotal[];
}

export interface EmployeePerformance {
  employeeId: string;
  name: string;
  role: string;
  conversationsHandled: number;
  messagesSent: number;
  takeovers: number;
  firstResponse: ResponseTimes;
  resolved: number;
  resolution: ResponseTimes;
}

export interface PerformanceReport {
  from: string;
  to: string;
  timeZone: string;
  employees: EmployeePerformance[];
}

export type Presence = "online" | "away" | "offline";

export interface EmployeePresence {
  employeeId: string;
  displayName: string;
  presence: Presence;
}

export interface CannedResponse {
  id: string;
  shortcode: string;
  title: string;
  body: string;
  usageCount: number;
}

export interface RenderedResponse {
  id: string;
  shortcode: string;
  text: string;
  usageCount: number;
}

export interface MediaFile {
  id: string;
  mimeType: string;
  kind: string;
  fileName?: string | null;
  sizeBytes: number;
  url: string;
}

export interface RoleView {
  id: string;
  name: string;
  isSystem: boolean;
  permissions: string[];
  employees: number;
}
