package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.core.message.OutputType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The protocol handlers by protocol id, listed explicitly. Immutable; {@link #with} makes a copy
 * with one more (or a replaced) protocol.
 */
public final class Protocols {

    private static final Protocols BUILT_IN = new Protocols(builtInMap());

    private final Map<String, ProtocolFactory> factories;

    private Protocols(Map<String, ProtocolFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /**
     * Every protocol this library implements.
     *
     * @return the built-in handlers, by the protocol ids of the device configuration
     */
    public static Protocols builtIn() {
        return BUILT_IN;
    }

    /**
     * A copy with {@code factory} registered under {@code id}.
     *
     * @param id the protocol id, as in the device configuration
     * @param factory makes a handler per connected device
     * @return a copy with the protocol added or replaced
     */
    public Protocols with(String id, ProtocolFactory factory) {
        Map<String, ProtocolFactory> copy = new LinkedHashMap<>(factories);
        copy.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(factory, "factory"));
        return new Protocols(copy);
    }

    /**
     * The factory of a protocol id.
     *
     * @param id the protocol id
     * @return the factory, or empty when no handler implements that protocol
     */
    public Optional<ProtocolFactory> factory(String id) {
        return Optional.ofNullable(factories.get(id));
    }

    /**
     * The implemented protocol ids.
     *
     * @return the protocol ids, unmodifiable
     */
    public Set<String> ids() {
        return factories.keySet();
    }

    private static Map<String, ProtocolFactory> builtInMap() {
        Map<String, ProtocolFactory> m = new LinkedHashMap<>();
        m.put("sexverse-v3", ProtocolFactory.of(SexverseV3::new));
        m.put("fredorch-rotary", ProtocolFactory.of(FredorchRotary::new));
        m.put("htk_bm", ProtocolFactory.of(HtkBm::new));
        m.put("kgoal-boost", ProtocolFactory.of(KGoalBoost::new));
        m.put("kiiroo-v2", ProtocolFactory.of(KiirooV2::new));
        m.put("kiiroo-v3", ProtocolFactory.of(() -> new KiirooV21(false)));
        m.put("monsterpub", ProtocolFactory.of(MonsterPub::identify, d -> new MonsterPub(d.countOutputFeatures())));
        m.put("mymuselinkplus", ProtocolFactory.of(MyMuseLinkPlus::new));
        m.put("mysteryvibe-v2", d -> new MysteryVibeV2(d.countOutputFeatures()));
        m.put("prettylove", ProtocolFactory.of(PrettyLove::identify, definition -> new PrettyLove()));
        m.put("thehandy", ProtocolFactory.of(TheHandy::new));
        m.put("thehandy-v3", ProtocolFactory.of(TheHandyV3::identify, definition -> new TheHandyV3()));
        m.put("vibcrafter", ProtocolFactory.of(VibCrafter::new));
        m.put("vibratissimo", ProtocolFactory.of(Vibratissimo::identify, d -> new Vibratissimo(d.countOutputs(OutputType.VIBRATE))));
        m.put("youcups", ProtocolFactory.of(Youcups::new));
        m.put("lovense", Lovense.factory());
        m.put("lovense-connect-service", d -> new LovenseConnectService(d.identifier()));
        m.put("wevibe", d -> new WeVibe(d.countOutputs(OutputType.VIBRATE)));
        m.put("wevibe-8bit", d -> new WeVibe8Bit(false, d.countOutputs(OutputType.VIBRATE)));
        m.put("wevibe-chorus", d -> new WeVibe8Bit(true, d.countOutputs(OutputType.VIBRATE)));
        m.put("activejoy", ProtocolFactory.of(ActiveJoy::new));
        m.put("adrienlastic", ProtocolFactory.of(AdrienLastic::new));
        m.put("amorelie-joy", ProtocolFactory.of(AmorelieJoy::new));
        m.put("aneros", ProtocolFactory.of(Aneros::new));
        m.put("ankni", ProtocolFactory.of(Ankni::new));
        m.put("bananasome", ProtocolFactory.of(Bananasome::new));
        m.put("cachito", ProtocolFactory.of(Cachito::new));
        m.put("cowgirl", ProtocolFactory.of(Cowgirl::new));
        m.put("cowgirl-cone", ProtocolFactory.of(CowgirlCone::new));
        m.put("cupido", ProtocolFactory.of(Cupido::new));
        m.put("deepsire", ProtocolFactory.of(DeepSire::new));
        m.put("feelingso", ProtocolFactory.of(FeelingSo::new));
        m.put("fleshy-thrust", ProtocolFactory.of(FleshyThrust::new));
        m.put("fluffer", ProtocolFactory.of(Fluffer::new));
        m.put("foreo", ProtocolFactory.of(Foreo::new));
        m.put("fox", ProtocolFactory.of(Fox::new));
        m.put("itoys", ProtocolFactory.of(IToys::new));
        m.put("jejoue", ProtocolFactory.of(JeJoue::new));
        m.put("kiiroo-prowand", ProtocolFactory.of(KiirooProWand::new));
        m.put("kiiroo-spot", ProtocolFactory.of(KiirooSpot::new));
        m.put("leten", ProtocolFactory.of(Leten::new));
        m.put("loob", ProtocolFactory.of(Loob::new));
        m.put("lovehoney-desire", d -> new LovehoneyDesire(d.countOutputFeatures()));
        m.put("luvmazer", ProtocolFactory.of(Luvmazer::new));
        m.put("magic-motion-1", ProtocolFactory.of(MagicMotionV1::new));
        m.put("magic-motion-2", ProtocolFactory.of(MagicMotionV2::new));
        m.put("magic-motion-3", ProtocolFactory.of(MagicMotionV3::new));
        m.put("magic-motion-4", d -> new MagicMotionV4(d.countOutputFeatures()));
        m.put("meese", ProtocolFactory.of(Meese::new));
        m.put("mizzzee", ProtocolFactory.of(MizzZee::new));
        m.put("mizzzee-v2", ProtocolFactory.of(MizzZeeV2::new));
        m.put("motorbunny", ProtocolFactory.of(Motorbunny::new));
        m.put("nexus-revo", ProtocolFactory.of(NexusRevo::new));
        m.put("nobra", ProtocolFactory.of(Nobra::new));
        m.put("omobo", ProtocolFactory.of(Omobo::new));
        m.put("pink_punch", ProtocolFactory.of(PinkPunch::new));
        m.put("sakuraneko", ProtocolFactory.of(Sakuraneko::new));
        m.put("sensee", ProtocolFactory.of(Sensee::new));
        m.put("serveu", ProtocolFactory.of(ServeU::new));
        m.put("sexverse-lg389", ProtocolFactory.of(SexverseLg389::new));
        m.put("sexverse-v4", ProtocolFactory.of(SexverseV4::new));
        m.put("sexverse-v5", ProtocolFactory.of(SexverseV5::new));
        m.put("synchro", ProtocolFactory.of(Synchro::new));
        m.put("tryfun", ProtocolFactory.of(TryFun::new));
        m.put("tryfun-blackhole", ProtocolFactory.of(TryFunBlackHole::new));
        m.put("wetoy", ProtocolFactory.of(WeToy::new));
        m.put("xibao", ProtocolFactory.of(Xibao::new));
        m.put("xiuxiuda", ProtocolFactory.of(Xiuxiuda::new));
        m.put("xuanhuan", ProtocolFactory.of(Xuanhuan::new));
        m.put("satisfyer", ProtocolFactory.of(Satisfyer::identify, d -> new Satisfyer(d.countOutputFeatures())));
        m.put("hismith", ProtocolFactory.of(Hismith::identify, definition -> new Hismith()));
        m.put("hismith-mini", ProtocolFactory.of(HismithMini::identify, HismithMini::forDefinition));
        m.put("svakom-alex", ProtocolFactory.of(SvakomAlex::new));
        m.put("svakom-alex-v2", ProtocolFactory.of(SvakomAlexV2::new));
        m.put("svakom-barnard", ProtocolFactory.of(SvakomBarnard::new));
        m.put("svakom-iker", ProtocolFactory.of(SvakomIker::new));
        m.put("svakom-pulse", ProtocolFactory.of(SvakomPulse::new));
        m.put("svakom-sam2", ProtocolFactory.of(SvakomSam2::new));
        m.put("svakom-v1", ProtocolFactory.of(SvakomV1::new));
        m.put("svakom-v2", ProtocolFactory.of(SvakomV2::new));
        m.put("svakom-v3", ProtocolFactory.of(SvakomV3::new));
        m.put("svakom-v5", ProtocolFactory.of(SvakomV5::new));
        m.put("svakom-v6", d -> new SvakomV6(d.countOutputs(OutputType.VIBRATE)));
        m.put("svakom-v4", d -> new SvakomTwoVibrators(0x01, d.countOutputs(OutputType.VIBRATE)));
        m.put("svakom-barney", d -> new SvakomTwoVibrators(0x03, d.countOutputs(OutputType.VIBRATE)));
        m.put("svakom-avaneo", ProtocolFactory.of(SvakomAvaNeo::new));
        m.put("svakom-dice", ProtocolFactory.of(SvakomDice::new));
        m.put("svakom-dt250a", ProtocolFactory.of(SvakomDt250a::new));
        m.put("svakom-jordan", ProtocolFactory.of(SvakomJordan::new));
        m.put("svakom-sam", ProtocolFactory.of(SvakomSam::new));
        m.put("svakom-tarax", ProtocolFactory.of(SvakomTaraX::new));
        m.put("svakom-suitcase", ProtocolFactory.of(SvakomSuitcase::new));
        m.put("vorze-sa", d -> new VorzeSa(d.variant().orElse("")));
        m.put("joyhub", ProtocolFactory.of(JoyHub::new));
        m.put("utimi", ProtocolFactory.of(Utimi::new));
        m.put("sexverse-v1", SexverseV1::forDefinition);
        m.put("galaku", d -> new Galaku(d.countOutputFeatures()));
        m.put("galaku-pump", ProtocolFactory.of(GalakuPump::new));
        m.put("lelo-f1s", ProtocolFactory.of(() -> new LeloF1s(false)));
        m.put("lelo-f1sv2", ProtocolFactory.of(LeloF1sV2::new));
        m.put("lelo-harmony", ProtocolFactory.of(LeloHarmony::new));
        m.put("kiiroo-powershot", ProtocolFactory.of(KiirooPowerShot::new));
        m.put("mizzzee-v3", ProtocolFactory.of(MizzZeeV3::new));
        m.put("sexverse-v2", ProtocolFactory.of(SexverseV2::new));
        m.put("mysteryvibe", d -> new MysteryVibe(d.countOutputFeatures()));
        m.put("tryfun-meta2", ProtocolFactory.of(TryFunMeta2::new));
        m.put("tcode-v03", ProtocolFactory.of(TCodeV03::new));
        m.put("kizuna", ProtocolFactory.of(Kizuna::new));
        m.put("nintendo-joycon", ProtocolFactory.of(NintendoJoycon::new));
        m.put("nextlevelracing", ProtocolFactory.of(NextLevelRacing::new));
        m.put("sensee-v2", SenseeV2::forDefinition);
        m.put("hgod", ProtocolFactory.of(Hgod::new));
        m.put("fredorch", ProtocolFactory.of(Fredorch::new));
        m.put("realov", ProtocolFactory.of(Realov::new));
        m.put("youou", ProtocolFactory.of(Youou::identify, definition -> new Youou()));
        m.put("libo-elle", ProtocolFactory.of(LiboElle::new));
        m.put("libo-shark", ProtocolFactory.of(LiboShark::new));
        m.put("libo-vibes", ProtocolFactory.of(LiboVibes::new));
        m.put("lovenuts", ProtocolFactory.of(LoveNuts::new));
        m.put("lioness", ProtocolFactory.of(Lioness::new));
        m.put("mannuo", ProtocolFactory.of(ManNuo::new));
        m.put("maxpro", ProtocolFactory.of(Maxpro::new));
        m.put("kiiroo-v21", ProtocolFactory.of(() -> new KiirooV21(false)));
        m.put("kiiroo-v21-initialized", ProtocolFactory.of(() -> new KiirooV21(true)));
        m.put("kiiroo-v2-vibrator", ProtocolFactory.of(KiirooV2Vibrator::new));
        m.put("lovedistance", ProtocolFactory.of(LoveDistance::new));
        m.put("honeyplaybox", d -> new HoneyPlayBox(d.countOutputFeatures()));
        m.put("patoo", ProtocolFactory.of(Patoo::identify, definition -> new Patoo()));
        m.put("picobong", ProtocolFactory.of(Picobong::new));
        m.put("zalo", ProtocolFactory.of(Zalo::new));
        return m;
    }
}
