/**
 * The mock issuer's RSA-2048 keys, as private JWKs. Test keys, committed on purpose: they sign nothing
 * outside a conformance run, and generating three RSA keys costs about 0.2 s on an idle machine but
 * 2 to 4 s per process on a loaded two-core CI machine (measured), for every run and test worker.
 * Regenerate with: node --input-type=module -e "import {generateKeyPair,exportJWK} from 'jose'; for (const n of ['current','rotated','stray']) console.log(n, JSON.stringify(await exportJWK((await generateKeyPair('RS256',{modulusLength:2048,extractable:true})).privateKey)))"
 */
import type { JWK } from "jose";

export const ISSUER_KEYS: Readonly<Record<"current" | "rotated" | "stray", JWK>> = {
  current: {
    kty: "RSA",
    n: "q9asW9WZW595GhhI3jgVHRiATQdUyECpKpFz_2rOKxb7MQwSp7XtPHR67TTj2pj0JOgttW59AN1xMtlUKI8iYmHQfc1HOuqWAdKsp2V5GzDoWRu1___LB6Ae53ovjW1x6CKMBHxomIz9GiXnsOSDGHMtwOHZaABjdKeImB_unF_AWeQklH0dNlqEco8_xkG8o2i8Xxmg2_9I7jmUNOUeRNX7yC55ozwjfcctBm-xwnlSOLfnajqnB-s3gHbs1ck0_oiOwLsEFBKRzZ6ywJycFZ0iAuMjI_954ne9yf9cv5pqIlw4HqUGgj_C0O_2MMcb6VgFlAx7ATGhRPvQykICkw",
    e: "AQAB",
    d: "K3ll5Nv-7x_DDzeKo_HzYYeT2ikbKYi2Y8cl3j5ix6MKTQfdZmHQEeX0PbQOW30r83RsMAUyiff8Th2Ova4syFAv48v-E-lKp05qEPXKtHbkqbqpioloD9dSSkTu5-yDD3RCEVZ6TfIJjMZ_PhEqG5L0ReK90qKahuZl1_roLtZePmOEXhxiIKFH6z_vfQe-PhrOgDAHYMGntTeHcBO-GqYOzI3fn8ChKLhso_79rP_W96RIE_qmQ_VN1MJZYhtGRG6OpJGOn8dCutV5bMa-4Lzrl7EQqpTnthyT9r6QY55AIvlMvcxAAcLXPHSiZrR95XVwllf8wPk6pS4KcjTRKQ",
    p: "5CZPhXYKeB1h0ALAkdCvaEL7x0GeFaDkAJt96avvObFcjgukt5rDCw_K9Tkft5FMWqz68UhFUeKICOFrB36myzkMuDyXG2Awo9zqPCpdWDIBg3zTLHTjVwRYthIq_dukfj0bhIbnSLPPBeHT65550pQPZtK_UtJ-FnFisS96Ywk",
    q: "wNCjXNVzwrf446ymdIIZ7vB6eTH6fy70daoIrXeIrS3-W88h-fZAB_0QldL0IYCFSn8grxMWFZwIn4IxwoQ7Uc49pyUU984rrXo_WSGuedIWOMYE9wV8pWFW_ZmbDlSTmMOYS8oPSDti2ZX0Sy6R7DFzS4ulmEK-FADJoijyE7s",
    dp: "ee_r4oXTVJ1HkNhXuddSWKQsUzPD3QVvts9kPYayRiCAOj8I20Sw5_GZ5PSR-heDOpdnS5v3yKsNT8nC3W-Yj9c-8B0aGfyQIpRI8L0nxKJ9YpxNdV5Hv1NIYo9VQPaqdPoOAgfkB1xq0lb_X9gEfkK59JfAv_BWiYIyYEbi35k",
    dq: "kG34YLqXOt1Z9xlFmnI2ANBrvUrdq9U9UsIqO94VKDwSkyzl83os3o8GlGPvcQT3UyVFEz-FxGwb3XfF1EH-uTl23zQcr77k4s52k0pyilf_Q0m5QFwA0VTHt7EO_74EzWJ-Ow9BQUcStY_o7UQWFEm6ZnVVdmdQQGWSpABtzK8",
    qi: "3UApp2r-oRC8p_E0GuQ7W56aMTzuCV2kvypwNu18hO_cahzBP_Iw3FscbQht1lmBdnNyo-9OPwbU2dDMlLFF5-3tNiIiUUWgl-L9ncbFCUMyEgtTi3iFl1_0UAHytD7_EjpWCDgrnAJQuBIlzz-u6i9_TYObHPpW6_7qX1rXhf0",
  },
  rotated: {
    kty: "RSA",
    n: "1-jj8bq2hF54ZYvwtbf5nTKOgkJtk9HP-vA4rJuBXLXUsH3iaMKktMWLXunH9GMOa0Ag0P7SZD9ronPAsKUpTFaTt5wGsjK_ydDPyAxHLNHLj9GfWUKwIFcK5jd5DpvxYQVa-7VgNG4iN2l3d6SKO2PHyydvp1FTNWnSLXFUI18qk_IH13-HnEO_6bLrvn85lAS0tplHEMUq0IkE9xv33k8eNLb-OVi0k9t-dxuFukVHYccxgrKZ0F3M73xyCxbJIzMoBlOYnqPFBKJpLeRFv7ci58aIOSTWrqOrzgWeqcyrgAhTiorPiO8UE9yKDCwj743dvbnVa775ycijh57RPQ",
    e: "AQAB",
    d: "Xs07iSBak7SHWM8hWij1yTgxqrBQPN-bWquvttpw6qxMP1KG30jX2SgEEiDEU2JLKnx17E53Qt01_ZalvOpIP-Sj57Lynbv6yjqNgWEiv2M-5l88gIzvmMOfXYZt-SQv0FHxqSPyohLZo0sD0dzFdV5Sk7k1JVpoFsPoLVvdfcm0wEzlRLRN9e6Ny6D45eSE770_4kiExZTDflPnaF-Kr1ho7gZOT9D3unPaw6jpnEqxMmunoP2M_sQdjO9aAgJs2shmlSsWVm5j-yTjQaUc8s8dz3L0SzUx5XFhwSjWIPGl135hg2_8DK2XVo3h_UMvyMbhFxn2WS6bdd8tOka5YQ",
    p: "9-RTYl0Pbj87h8nYe3jtn4v_nkl7KxM4axDUNgvMDGCDJJGil8sp5sautE9PcEdBBUvHwggfP71TP-tELQK7tG4QuZg4F616BVseuVMKh0noIItb-avdC_JhWY_bPECH7L1obiaHIagRCTxaYb4ioeF9RbkYlFqgfR11Yt6ZRys",
    q: "3vjErEvg4WdPyJS535emttFFNys10UdEyUIYicZQGy97ViwpJK-GEBoUDBBHO58aoMStkj1k5T7NF6WpcKXjPXEet-ZMprhTt7-kAzVgRMJsSlO6BVoGRQ3KjHAIcUUdrvNEgRhrBfIlrNwowzcAx8RF4kRM3mWN5glkhPiOFTc",
    dp: "qJHVui_6TEgnnUE_O0eSn0o-e08QuMwLM5NwG4iOK2R-CaIXZQ284rf9GZRNOtbZelZ78pA_X8LJF9BOviT7q8ilCvBeRIutTHMYQ4IayMETXv4lf3TFjlg2pwbSWPiw9eYfW7hLcDGv1A38kDcRqe-ClqU197xhInOj3aXtqZ0",
    dq: "KrcHnmZO53-ONkPfs-juhDllBCOgBL6de9zQrJw0PnEDNMfy_dcuXKlSS9lWfCKHzGLBSbG_QXedfLk805rEBMJF-z8AUjQfvaTV-9Ne5O1GJ5sQmPPdHZ99vRe9Vk3CWQC7j-uonRP9ibcHjBZebOa56JXjD_vuijIkcqDXP1M",
    qi: "hKOQYCG_iSiQ2XN_oLoX31iOc9Dxmq5fCA48oJ8khVQqgPRBRCmuvjSwg1haO9OssuvJyfRjVWYUxt9UT_LIy7Kez0FoneAFaP3Exn4JteszMwABXieU048PgNF3wbQR12YIyHxw7VYtXxvwXNxyOWm9mDsjEwJ4JvQj0ddtodU",
  },
  stray: {
    kty: "RSA",
    n: "v6K0hT171AGVlfH0mZKp544TWTGTkVxeUR2c5Z6OD92lxMH4VJrpLxYAHfEX9JYCUB-O3c9Yg0KDX8LkHhBsjybFQTjMOGO-0fGmLWdkNSsZjV61PxpUQnP-4p7mZEt6xmgIKKPaJBfKrVTFpgLzzW3gHIN_e9SPtlcfP-xRSbsWUUjeerY7MLxdgHNON3IdgZ6_wRrEJSMCjFFK6uJ8DnmUxxDsNtKCgKDXHsRtUqmJHS2GfTGVMo3UpNn8QaAo5krlHP-0cIpa0d8KIV-76xj4tpwiAqj3wvR-por8C-qzgZqvP6tYaCAwU5BzJsunoIeh6UGovEyL4UqgGQLMLQ",
    e: "AQAB",
    d: "BwAwfGjwGUvLhVRMUsCXC2Ssfpwp32wSl_-vHSZV20IwzZzRGnTO-E-N8TS_DXTeIG40CmoKOkACS6EeM0j3UPgiHvgDtzr8RsV_WXZG-g2ZMTRuBkr1xrhfwzNPMwfHiZsAUqJrFC7Np9e1IWjx3iXZmOu8Na-2EPu4Il4wOV4XeKiFPbE6THlJV6LqPUPAQQ_WBfngcGj-P0J9idagyC9sElQ93QUGKg_EnKUd7Zed_1c77Du-QDzjvx0ZahS3g2rLCyYTYb6LPpIBdfr5In9h6zLvcLEnXr6t9JPEXAbKLWAGKAWLUgB0QgGnAtcsghmX8c1kmrs0turHtzYGUQ",
    p: "_phrB8L0hjjzEONZoSomEqNCJ0insAgOgYlSnY3rhOzMIbk5AfIBP9P9Z9ThlHsQp4TtAqodhi8pPeSAsNM6Gd4iTb-ACNgfQDRNih-82vQTEFag5ll90jHdBPTmnOuTECqf3miP7pdPG8LGud2eDfKDODybZ7uioIbQg_PGHHk",
    q: "wLFdYJOsG9PZkl-pSqkJXyogmcYSMcFKd5xbB6UxkOlyrwNUxFXdzf2SPJQ_NLki17DSA4ixdMqisnHqtja6t3ZnGBNL99FPrbLWe22IPeMiBUETz6_ghe-uRhwrrRR-QJxxUpvLfBzv2PC_EJwms6_lOJszvtwUWktdgr4QGFU",
    dp: "8ZbWsZXJDXkLBfKHQczKNhNfmgFyxjLO-RLDJ6jdXdSKXFH0C6mGj_fs1dOHf6tMAXq8oTOmMoecHhQwHhtCXfuRF6_pofrbpMQ89B3ryuWjFXTu18cCAyy365UtJKjSc5vO-nDEbAZ-1fv9MbBf5CJFbF7upP_DcYqcYSo4yxk",
    dq: "BQTZpMlT40mqUhixxSMP_m2PedHh6W_aa7Ej4dgYqWibNxnEHHUMGPBw3akS2GG2GZ4eaj8mOB-LC1DSRzq3tE2eM89U3DiUdbbBxWc99Da1TSO7y14OYA61IFhdft2YyEAK55btPudWC_WBVIJss6NyOf4449DBqvRplB01OB0",
    qi: "ffp15ymzPD_aUfRqZXPFq1bFyUlW_eW2p3F9FYuNjRsKFRufF_mxOuADvDimPE2cWMr561r9L2hX1TNaf1ysUIXeBtlLZe1E3vPdxLTj6PbhoPR9758tnmjGp2o1N8Z_oRQbJU7xk7j3gSR85gtmTDD7ku9PcgmuvGH0YaJwtAc",
  },
};
