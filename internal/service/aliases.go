package service

import (
	"github.com/motcua/motcua/internal/service/admin"
	"github.com/motcua/motcua/internal/service/channels"
	"github.com/motcua/motcua/internal/service/citizens"
	"github.com/motcua/motcua/internal/service/dossiers"
	"github.com/motcua/motcua/internal/service/figures"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/service/payments"
	"github.com/motcua/motcua/internal/service/processes"
)

// The inputs and outputs of the use cases keep their service.X names, so the
// transports name one package whichever sub-service answers. The sub-packages
// define them; these are aliases, not copies.

// Writes and their idempotency (core).
type (
	Result    = core.Result
	Render    = core.Render
	Throttled = core.Throttled
)

// RequestHash fingerprints a request body for idempotency checks.
var RequestHash = core.RequestHash

// ShownApplicant is the applicant as the actor's role may see it by default.
var ShownApplicant = core.ShownApplicant

// Rate limits (core) and sessions (admin).
const (
	SignInFailBurst = core.SignInFailBurst
	TrackBurst      = core.TrackBurst
	LockDuration    = admin.LockDuration
	TokenLifetime   = admin.TokenLifetime
)

// Dossiers.
type (
	NewDossier  = dossiers.NewDossier
	ActionInput = dossiers.ActionInput
	ListFilter  = dossiers.ListFilter
	CounterScan = dossiers.CounterScan
	Blobs       = dossiers.Blobs
	QueueQuery  = dossiers.QueueQuery
	BulkItem    = dossiers.BulkItem
	InboxItem   = dossiers.InboxItem
	Urgency     = dossiers.Urgency
)

const (
	MaxFileSize = dossiers.MaxFileSize
	MaxBulk     = dossiers.MaxBulk
	UrgOverdue  = dossiers.UrgOverdue
	UrgDueToday = dossiers.UrgDueToday
	UrgAtRisk   = dossiers.UrgAtRisk
	UrgNormal   = dossiers.UrgNormal
	UrgWaiting  = dossiers.UrgWaiting
)

var (
	UrgencyOf      = dossiers.UrgencyOf
	BulkReceivable = dossiers.BulkReceivable
	SupplementedAt = dossiers.SupplementedAt
	HoldersAfter   = dossiers.HoldersAfter
)

// Figures.
type (
	Period          = figures.Period
	OverviewKind    = figures.OverviewKind
	OverviewQuery   = figures.OverviewQuery
	OverviewWindow  = figures.OverviewWindow
	OverviewCounts  = figures.OverviewCounts
	Overview        = figures.Overview
	SettlementQuery = figures.SettlementQuery
	Settlement      = figures.Settlement
	// StepAccount is a dossier's way through its internal process.
	StepAccount  = processes.StepAccount
	StepResult   = processes.StepResult
	StepItem     = processes.StepItem
	PeriodCounts = figures.PeriodCounts
	IndexReport  = figures.IndexReport
	EnteredInput = figures.EnteredInput
)

const (
	KindOnTime  = figures.KindOnTime
	KindEarly   = figures.KindEarly
	KindInTime  = figures.KindInTime
	KindLate    = figures.KindLate
	KindOverdue = figures.KindOverdue
	KindAtRisk  = figures.KindAtRisk
	ReportTitle = figures.ReportTitle
)

var (
	ParsePeriod         = figures.ParsePeriod
	MonthOf             = figures.MonthOf
	Window              = figures.Window
	AtRiskBy            = figures.AtRiskBy
	InputsFrom          = figures.InputsFrom
	GroupByAgency       = figures.GroupByAgency
	EnterableIndicators = figures.EnterableIndicators
)

// Payments.
type (
	PaymentLinks   = payments.PaymentLinks
	PaymentReceipt = payments.PaymentReceipt
)

// Channels.
var MaskRecipient = channels.MaskRecipient

// Administration.
type (
	AgencyInput   = admin.AgencyInput
	StaffInput    = admin.StaffInput
	ProcedureEdit = admin.ProcedureEdit
	CalendarYear  = admin.CalendarYear
)

var (
	IsOneStop        = admin.IsOneStop
	Kinds            = admin.Kinds
	ParseComponents  = admin.ParseComponents
	FormatComponents = admin.FormatComponents
	ParseDateLines   = admin.ParseDateLines
)

// Citizens.
type (
	OIDCIdentity = citizens.OIDCIdentity
	RevealInput  = citizens.RevealInput
)

// The province a demonstration or bench database starts from (admin).
type (
	Seed        = admin.Seed
	SeedAgency  = admin.SeedAgency
	SeedCounter = admin.SeedCounter
	SeedUser    = admin.SeedUser
)
