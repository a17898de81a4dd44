package io.github.buttplugjava.btle.protocol;

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
        m.put("sexverse-v3", SexverseV3::new);
        m.put("fredorch-rotary", FredorchRotary::new);
        m.put("htk_bm", HtkBm::new);
        m.put("kgoal-boost", KGoalBoost::new);
        m.put("kiiroo-v2", KiirooV2::new);
        m.put("kiiroo-v3", () -> new KiirooV21(false));
        m.put("monsterpub", MonsterPub::new);
        m.put("mymuselinkplus", MyMuseLinkPlus::new);
        m.put("mysteryvibe-v2", MysteryVibeV2::new);
        m.put("prettylove", PrettyLove::new);
        m.put("thehandy", TheHandy::new);
        m.put("thehandy-v3", TheHandyV3::new);
        m.put("vibcrafter", VibCrafter::new);
        m.put("vibratissimo", Vibratissimo::new);
        m.put("youcups", Youcups::new);
        m.put("lovense", Lovense::new);
        m.put("wevibe", WeVibe::new);
        m.put("wevibe-8bit", () -> new WeVibe8Bit(false));
        m.put("wevibe-chorus", () -> new WeVibe8Bit(true));
        m.put("activejoy", ActiveJoy::new);
        m.put("adrienlastic", AdrienLastic::new);
        m.put("amorelie-joy", AmorelieJoy::new);
        m.put("aneros", Aneros::new);
        m.put("ankni", Ankni::new);
        m.put("bananasome", Bananasome::new);
        m.put("cachito", Cachito::new);
        m.put("cowgirl", Cowgirl::new);
        m.put("cowgirl-cone", CowgirlCone::new);
        m.put("cupido", Cupido::new);
        m.put("deepsire", DeepSire::new);
        m.put("feelingso", FeelingSo::new);
        m.put("fleshy-thrust", FleshyThrust::new);
        m.put("fluffer", Fluffer::new);
        m.put("foreo", Foreo::new);
        m.put("fox", Fox::new);
        m.put("itoys", IToys::new);
        m.put("jejoue", JeJoue::new);
        m.put("kiiroo-prowand", KiirooProWand::new);
        m.put("kiiroo-spot", KiirooSpot::new);
        m.put("leten", Leten::new);
        m.put("loob", Loob::new);
        m.put("lovehoney-desire", LovehoneyDesire::new);
        m.put("luvmazer", Luvmazer::new);
        m.put("magic-motion-1", MagicMotionV1::new);
        m.put("magic-motion-2", MagicMotionV2::new);
        m.put("magic-motion-3", MagicMotionV3::new);
        m.put("magic-motion-4", MagicMotionV4::new);
        m.put("meese", Meese::new);
        m.put("mizzzee", MizzZee::new);
        m.put("mizzzee-v2", MizzZeeV2::new);
        m.put("motorbunny", Motorbunny::new);
        m.put("nexus-revo", NexusRevo::new);
        m.put("nobra", Nobra::new);
        m.put("omobo", Omobo::new);
        m.put("pink_punch", PinkPunch::new);
        m.put("sakuraneko", Sakuraneko::new);
        m.put("sensee", Sensee::new);
        m.put("serveu", ServeU::new);
        m.put("sexverse-lg389", SexverseLg389::new);
        m.put("sexverse-v4", SexverseV4::new);
        m.put("sexverse-v5", SexverseV5::new);
        m.put("synchro", Synchro::new);
        m.put("tryfun", TryFun::new);
        m.put("tryfun-blackhole", TryFunBlackHole::new);
        m.put("wetoy", WeToy::new);
        m.put("xibao", Xibao::new);
        m.put("xiuxiuda", Xiuxiuda::new);
        m.put("xuanhuan", Xuanhuan::new);
        m.put("satisfyer", Satisfyer::new);
        m.put("hismith", Hismith::new);
        m.put("hismith-mini", HismithMini::new);
        m.put("svakom-alex", SvakomAlex::new);
        m.put("svakom-alex-v2", SvakomAlexV2::new);
        m.put("svakom-barnard", SvakomBarnard::new);
        m.put("svakom-iker", SvakomIker::new);
        m.put("svakom-pulse", SvakomPulse::new);
        m.put("svakom-sam2", SvakomSam2::new);
        m.put("svakom-v1", SvakomV1::new);
        m.put("svakom-v2", SvakomV2::new);
        m.put("svakom-v3", SvakomV3::new);
        m.put("svakom-v5", SvakomV5::new);
        m.put("svakom-v6", SvakomV6::new);
        m.put("svakom-v4", () -> new SvakomTwoVibrators(0x01));
        m.put("svakom-barney", () -> new SvakomTwoVibrators(0x03));
        m.put("svakom-avaneo", SvakomAvaNeo::new);
        m.put("svakom-dice", SvakomDice::new);
        m.put("svakom-dt250a", SvakomDt250a::new);
        m.put("svakom-jordan", SvakomJordan::new);
        m.put("svakom-sam", SvakomSam::new);
        m.put("svakom-tarax", SvakomTaraX::new);
        m.put("svakom-suitcase", SvakomSuitcase::new);
        m.put("vorze-sa", VorzeSa::new);
        m.put("joyhub", JoyHub::new);
        m.put("sexverse-v1", SexverseV1::new);
        m.put("galaku", Galaku::new);
        m.put("galaku-pump", GalakuPump::new);
        m.put("lelo-f1s", () -> new LeloF1s(false));
        m.put("lelo-f1sv2", LeloF1sV2::new);
        m.put("lelo-harmony", LeloHarmony::new);
        m.put("kiiroo-powershot", KiirooPowerShot::new);
        m.put("mizzzee-v3", MizzZeeV3::new);
        m.put("sexverse-v2", SexverseV2::new);
        m.put("mysteryvibe", MysteryVibe::new);
        m.put("tryfun-meta2", TryFunMeta2::new);
        m.put("tcode-v03", TCodeV03::new);
        m.put("sensee-v2", SenseeV2::new);
        m.put("hgod", Hgod::new);
        m.put("fredorch", Fredorch::new);
        m.put("realov", Realov::new);
        m.put("youou", Youou::new);
        m.put("libo-elle", LiboElle::new);
        m.put("libo-shark", LiboShark::new);
        m.put("libo-vibes", LiboVibes::new);
        m.put("lovenuts", LoveNuts::new);
        m.put("lioness", Lioness::new);
        m.put("mannuo", ManNuo::new);
        m.put("maxpro", Maxpro::new);
        m.put("kiiroo-v21", () -> new KiirooV21(false));
        m.put("kiiroo-v21-initialized", () -> new KiirooV21(true));
        m.put("kiiroo-v2-vibrator", KiirooV2Vibrator::new);
        m.put("lovedistance", LoveDistance::new);
        m.put("honeyplaybox", HoneyPlayBox::new);
        m.put("patoo", Patoo::new);
        m.put("picobong", Picobong::new);
        m.put("zalo", Zalo::new);
        return m;
    }
}
