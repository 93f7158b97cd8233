using Craftsman.Contracts.Contests;

namespace Craftsman.Gateway.Api;

public sealed record PhaseRequest(RoundPhase? Phase);
